using System.Security.Cryptography;
using System.Text;
using Switchboard.Pipeline;
using Switchboard.Sessions;

namespace Switchboard.Functions.Scheduling;

/// <summary>
/// The instance ids of the orchestrations work runs as: <c>{kind}-{id}</c> — <c>delivery-{deliveryId}-{attempt}</c>,
/// <c>export-{tenant}|{channel}-{sessionId}</c> (<c>export-default|call-103646</c>, the session's journal partition key),
/// <c>session-email-eml_…-2</c>. The work's id is stable, so scheduling it twice finds the same instance, and the task hub
/// refuses to start an instance that is still pending or running.
/// </summary>
public static class InstanceIds
{
    /// <summary>The longest instance id the Durable Functions client accepts.</summary>
    public const int MaxLength = 256;

    /// <summary>The instance of <paramref name="work"/>.</summary>
    public static string For(PipelineWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        return Shorten($"{SessionKey.Escape(work.Kind, string.Empty)}-{SessionKey.Escape(work.Id, string.Empty)}");
    }

    /// <summary>An extra instance of <paramref name="work"/>, distinct from its own and from every other <paramref name="repeat"/>.</summary>
    public static string Repeat(PipelineWork work, string repeat) => Shorten($"{For(work)}~{repeat}");

    // Parts are escaped as journal keys are (SessionKey.Escape: '%', '/ \ # ?', control characters and the separators
    // within a part), so ids stay legal and distinct; an id over the limit keeps its start and ends in a hash of the whole.
    private static string Shorten(string id)
    {
        if (id.Length <= MaxLength)
        {
            return id;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)));
        var keep = MaxLength - hash.Length - 1;

        // Never cut between the halves of a surrogate pair.
        if (char.IsHighSurrogate(id[keep - 1]))
        {
            keep--;
        }

        return $"{id[..keep]}~{hash}";
    }
}
