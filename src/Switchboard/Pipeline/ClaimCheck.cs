using System.Text;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Switchboard.Storage;

namespace Switchboard.Pipeline;

/// <summary>
/// Keeps queue messages small: a JSON body over <see cref="InlineLimitBytes"/> is written to a blob and the
/// message carries <c>{"claim":"name"}</c> instead, which <see cref="OpenAsync"/> turns back into the body.
/// Claimed blobs are kept after their message is processed, since a redelivered message still needs its body; the
/// deployment's lifecycle rule (infra/main.bicep) deletes them after 30 days. A claim whose blob is gone is poison.
/// </summary>
public sealed class ClaimCheck(BlobContainerClient container)
{
    /// <summary>Bodies up to 48 KiB travel inline: base64 makes them 64 KiB, the queue's limit.</summary>
    public const int InlineLimitBytes = 48 * 1024;

    private const string ClaimProperty = "claim";

    /// <summary>
    /// The message text for <paramref name="json"/>: the JSON itself, or a claim on a blob named
    /// <paramref name="id"/> holding it. Writing the same id twice writes the same blob, so a retried call is safe.
    /// </summary>
    public async Task<string> WrapAsync(string json, string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (Encoding.UTF8.GetByteCount(json) <= InlineLimitBytes)
        {
            return json;
        }

        var name = $"{id}.json";
        await container.UploadJsonAsync(name, json, cancellationToken).ConfigureAwait(false);
        return JsonSerializer.Serialize(new Dictionary<string, string> { [ClaimProperty] = name });
    }

    /// <summary>The JSON a message carries, fetched from its blob when the message is a claim.</summary>
    public async Task<string> OpenAsync(string messageText, CancellationToken cancellationToken = default)
    {
        if (ClaimName(messageText) is not { } name)
        {
            return messageText;
        }

        try
        {
            var download = await container.GetBlobClient(name).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return download.Value.Content.ToString();
        }
        catch (RequestFailedException exception) when (exception.IsNotFound())
        {
            throw new PoisonMessageException($"The message claims blob {name} in {container.Name}, which does not exist.", exception);
        }
    }

    private static string? ClaimName(string messageText)
    {
        // A claim is a tiny object; anything longer is a body, and bodies never have a lone "claim" property.
        if (messageText.Length > 512 || !messageText.Contains($"\"{ClaimProperty}\"", StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(messageText);
            return json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.EnumerateObject().Count() == 1
                && json.RootElement.TryGetProperty(ClaimProperty, out var claim)
                && claim.ValueKind == JsonValueKind.String
                ? claim.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
