using System.Globalization;
using Azure;
using Azure.Core;

namespace Switchboard.Storage;

/// <summary>Blob properties and metadata as the blob service carries them in headers.</summary>
internal static class BlobHeaders
{
    private const string MetadataPrefix = "x-ms-meta-";

    private static readonly Dictionary<string, string> Empty = [];

    /// <summary>
    /// Throws <see cref="ArgumentException"/> unless every name is a C# identifier and every value printable
    /// ASCII, what the service and HTTP headers accept; checked before any byte of an upload is sent.
    /// </summary>
    public static void CheckMetadata(IReadOnlyDictionary<string, string>? metadata, string paramName)
    {
        foreach (var (name, value) in metadata ?? Empty)
        {
            if (!IsIdentifier(name))
            {
                throw new ArgumentException($"Blob metadata name '{name}' is not a C# identifier (letters, digits and '_', not starting with a digit).", paramName);
            }

            if (value is null || value.Any(c => c is < ' ' or > '~'))
            {
                throw new ArgumentException($"Blob metadata '{name}' must have a value of printable ASCII characters.", paramName);
            }
        }
    }

    /// <summary>Sets one <c>x-ms-meta-</c> header per entry of metadata already checked.</summary>
    public static void SetMetadata(Request request, IReadOnlyDictionary<string, string>? metadata)
    {
        foreach (var (name, value) in metadata ?? Empty)
        {
            request.Headers.SetValue(MetadataPrefix + name, value);
        }
    }

    /// <summary>The properties of a blob read from a Get Blob or Get Blob Properties response.</summary>
    public static BlobProperties Properties(Response response)
    {
        var headers = response.Headers;
        var metadata = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in headers)
        {
            if (header.Name.StartsWith(MetadataPrefix, StringComparison.OrdinalIgnoreCase))
            {
                metadata[header.Name[MetadataPrefix.Length..]] = header.Value;
            }
        }

        return new BlobProperties(
            headers.ContentLength ?? throw Malformed("Content-Length"),
            headers.ContentType,
            headers.ETag ?? throw Malformed("ETag"),
            LastModified(response),
            metadata);
    }

    /// <summary>What an upload response says about the blob it wrote.</summary>
    public static BlobContentInfo ContentInfo(Response response) =>
        new(response.Headers.ETag ?? throw Malformed("ETag"), LastModified(response));

    public static DateTimeOffset LastModified(Response response) =>
        Date(response.Headers.TryGetValue("Last-Modified", out var text) ? text : null, "Last-Modified");

    public static DateTimeOffset Date(string? text, string name) =>
        DateTimeOffset.TryParseExact(text, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? value
            : throw Malformed(name);

    public static InvalidDataException Malformed(string name) =>
        new($"The blob service answered without a readable {name}.");

    private static bool IsIdentifier(string name) =>
        name.Length > 0
        && (char.IsAsciiLetter(name[0]) || name[0] == '_')
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
