namespace Switchboard.Pipeline;

/// <summary>
/// A queue message that can never be processed (malformed, unknown kind): it goes to the poison queue at once
/// with this reason instead of being retried.
/// </summary>
public sealed class PoisonMessageException : Exception
{
    /// <summary>Creates the exception with the reason recorded on the poison message.</summary>
    public PoisonMessageException(string reason, Exception? innerException = null)
        : base(reason, innerException)
    {
    }

    /// <summary>Creates the exception with a generic reason.</summary>
    public PoisonMessageException()
        : base("The message cannot be processed.")
    {
    }

    /// <summary>Creates the exception with the reason recorded on the poison message.</summary>
    public PoisonMessageException(string reason)
        : base(reason)
    {
    }
}
