namespace Switchboard.Delivery;

/// <summary>The network guard refused to connect: every address the host resolved to is one webhooks may not reach.</summary>
public sealed class BlockedDestinationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public BlockedDestinationException()
        : this("The destination is not a public address.")
    {
    }

    /// <summary>Creates the exception with a message for people.</summary>
    public BlockedDestinationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public BlockedDestinationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
