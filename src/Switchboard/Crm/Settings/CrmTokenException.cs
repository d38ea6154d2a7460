using Switchboard.Delivery;

namespace Switchboard.Crm.Settings;

/// <summary>The OAuth token endpoint gave no token; <see cref="Error"/> says how the CRM request it was for is recorded.</summary>
public sealed class CrmTokenException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CrmTokenException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public CrmTokenException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public CrmTokenException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a token request that failed with <paramref name="error"/>.</summary>
    public CrmTokenException(AttemptError error, string message, int? statusCode = null)
        : base(message)
    {
        Error = error;
        StatusCode = statusCode;
    }

    /// <summary>Timeout and connection errors are retried like the CRM's own; an answer without a token is a request error.</summary>
    public AttemptError Error { get; } = AttemptError.Request;

    /// <summary>The token endpoint's status code, when it answered.</summary>
    public int? StatusCode { get; }
}
