using Switchboard.Crm.Settings;
using Switchboard.Crm.Sync;
using Switchboard.Delivery;
using Switchboard.Email;
using Switchboard.Pipeline;
using Switchboard.Sessions;
using Switchboard.Triggers;

namespace Switchboard.Storage;

/// <summary>
/// The tables, queues and blob containers of one storage account that Switchboard works in, by name. <see cref="For"/>
/// is the one list of what the hosts use; <see cref="StorageProvisioner"/> creates them, and infra/main.bicep declares
/// the same.
/// </summary>
/// <param name="Tables">Table names.</param>
/// <param name="Queues">Queue names, poison queues included.</param>
/// <param name="Containers">Blob container names.</param>
public sealed record StorageResources(IReadOnlyList<string> Tables, IReadOnlyList<string> Queues, IReadOnlyList<string> Containers)
{
    /// <summary>
    /// Everything either host uses with these options (the containers of <see cref="DeliveryOptions.PayloadContainer"/>
    /// and <see cref="ExportOptions.Container"/> are configurable). Both hosts get the portable host's job queue too,
    /// so one account serves either host, or both at once.
    /// </summary>
    public static StorageResources For(DeliveryOptions delivery, ExportOptions export)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(export);
        return new StorageResources(
            [
                TriggerStore.TableName,
                DeliveryLog.TableName,
                SessionJournal.TableName,
                EmailSettingsStore.TableName,
                EmailAttemptClaims.TableName,
                CrmSettingsStore.TableName,
                CrmSessionStore.TableName,
            ],
            [QueueNames.Events, QueueNames.Poison(QueueNames.Events), QueueNames.Jobs, QueueNames.Poison(QueueNames.Jobs)],
            [QueueNames.ClaimContainer, delivery.PayloadContainer, SessionJournal.DefaultPayloadContainer, export.Container]);
    }
}
