using System.Text;
using System.Text.Json;

namespace Switchboard.Events.Payloads;

/// <summary>Reads a request body, JSON or (where the source allows) form-encoded, into its JSON object.</summary>
internal static class PayloadReader
{
    private static readonly IReadOnlySet<string> NoJsonFields = new HashSet<string>();

    /// <summary>Reads a JSON body; the top level must be an object.</summary>
    public static JsonElement ReadObject(ReadOnlyMemory<byte> body, string? contentType) =>
        Read(body, PayloadContentType.Parse(contentType, acceptsForm: false), NoJsonFields);

    /// <summary>Reads a JSON or form body; form fields named in <paramref name="jsonFields"/> may carry JSON text.</summary>
    public static JsonElement ReadObjectOrForm(ReadOnlyMemory<byte> body, string? contentType, IReadOnlySet<string> jsonFields) =>
        Read(body, PayloadContentType.Parse(contentType, acceptsForm: true), jsonFields);

    private static JsonElement Read(ReadOnlyMemory<byte> body, PayloadContentType type, IReadOnlySet<string> jsonFields)
    {
        if (type.Format == BodyFormat.Form)
        {
            return FormPayload.Parse(body.Span, type.Transcode ?? PayloadContentType.StrictUtf8, jsonFields).RequireObjectRoot();
        }

        if (type.Transcode is null)
        {
            return JsonPayload.Parse(body.Span).RequireObjectRoot();
        }

        string text;
        try
        {
            text = type.Transcode.GetString(body.Span);
        }
        catch (DecoderFallbackException)
        {
            throw new EventParseException(EventParseProblem.NotJson, "", $"the body is not valid {type.Transcode.WebName}");
        }

        return JsonPayload.Parse(Encoding.UTF8.GetBytes(text)).RequireObjectRoot();
    }
}
