using Azure;

namespace Switchboard.Storage;

/// <summary>
/// A storage request the service refused: the HTTP status, the service's <c>x-ms-error-code</c> (or the
/// table service's <c>odata.error.code</c>) and what that means as a <see cref="StorageErrorKind"/>.
/// Derives from <see cref="RequestFailedException"/>, as the official SDKs' failures do.
/// </summary>
public sealed class StorageException : RequestFailedException
{
    /// <summary>Creates the exception for a refused request.</summary>
    public StorageException(int status, string? errorCode, string message, Exception? innerException = null)
        : base(status, message, errorCode, innerException) =>
        Kind = (status, errorCode) switch
        {
            (404, _) => StorageErrorKind.NotFound,
            (412, _) => StorageErrorKind.PreconditionFailed,
            (409, "EntityAlreadyExists" or "BlobAlreadyExists") => StorageErrorKind.AlreadyExists,
            _ => StorageErrorKind.Other,
        };

    /// <summary>What the failure means.</summary>
    public StorageErrorKind Kind { get; }
}
