namespace Switchboard.Email;

/// <summary>
/// The inheritance and override table of "CRM personalizzato" ("Ereditarietà e override delle impostazioni"), as a pure
/// function of the two levels:
/// <list type="table">
/// <listheader><term>global / queue</term><description>behaviour</description></listheader>
/// <item><term>off / off</term><description>nothing is sent, for any queue.</description></item>
/// <item><term>off / on</term><description>the queue's switch overrides the global one: sent to the queue's address.</description></item>
/// <item><term>on / off</term><description>the queue inherits address and switch from the global setting: sent to the global address.</description></item>
/// <item><term>on / on</term><description>the queue's address replaces the global one: sent to the queue's address.</description></item>
/// </list>
/// When the address the row picks is empty, nothing is sent — there is no fall-back to the other level's address.
/// A queue with no setting of its own, and a session in no queue, count as "queue off".
/// </summary>
public static class EmailInheritance
{
    /// <summary>The destination of a session in a queue whose setting is <paramref name="queue"/> (null: none saved).</summary>
    public static EmailDestination Resolve(EmailSetting global, EmailSetting? queue)
    {
        ArgumentNullException.ThrowIfNull(global);
        var queueEnabled = queue?.Enabled ?? false;
        return (global.Enabled, queueEnabled) switch
        {
            (false, false) => new EmailDestination(null, EmailInheritanceCase.Disabled),
            (false, true) => To(queue!.Address, EmailInheritanceCase.QueueOverridesGlobal),
            (true, false) => To(global.Address, EmailInheritanceCase.QueueInheritsGlobal),
            (true, true) => To(queue!.Address, EmailInheritanceCase.QueueAddressReplacesGlobal),
        };
    }

    private static EmailDestination To(string? address, EmailInheritanceCase row) =>
        new(string.IsNullOrWhiteSpace(address) ? null : address.Trim(), row);
}
