using Azure;
using Azure.Data.Tables.Models;
using Azure.Storage.Blobs.Models;

namespace Switchboard.Storage;

/// <summary>What a request the storage service refused means to a caller, read from its status and error code.</summary>
public static class StorageErrors
{
    /// <summary>404: the table, queue, container, entity, message or blob does not exist.</summary>
    public static bool IsNotFound(this RequestFailedException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.Status == 404;
    }

    /// <summary>409 on create: the entity exists (an insert), or the blob does (an upload with <c>If-None-Match: *</c>).</summary>
    public static bool IsAlreadyExists(this RequestFailedException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.Status == 409
            && (exception.ErrorCode == TableErrorCode.EntityAlreadyExists.ToString() || exception.ErrorCode == BlobErrorCode.BlobAlreadyExists.ToString());
    }

    /// <summary>412: the ETag the write was conditional on no longer matches; another write came first.</summary>
    public static bool IsPreconditionFailed(this RequestFailedException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.Status == 412;
    }
}
