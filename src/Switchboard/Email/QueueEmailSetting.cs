namespace Switchboard.Email;

/// <summary>A queue's own email setting.</summary>
/// <param name="Queue">The queue id or name the setting applies to, as saved (matched without regard to case).</param>
/// <param name="Setting">The queue's switch and address.</param>
public sealed record QueueEmailSetting(string Queue, EmailSetting Setting);
