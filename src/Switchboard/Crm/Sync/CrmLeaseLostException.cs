namespace Switchboard.Crm.Sync;

/// <summary>Another run took over a session whose lease this run let expire; this run stops without touching the CRM again.</summary>
public sealed class CrmLeaseLostException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CrmLeaseLostException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public CrmLeaseLostException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public CrmLeaseLostException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
