using System.Buffers;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Switchboard.Delivery;

namespace Switchboard.Crm.Calls;

/// <summary>
/// Builds the request of an endpoint for given variable values ("CRM personalizzato", "Configurazione endpoint").
/// Variables in the URL are filled in percent-encoded. Parameters are evaluated in order, and a function that yields
/// nothing drops its parameter. GET appends the parameters to the query string; POST, PUT and PATCH send them as a JSON
/// body — the properties themselves, or nested in the container: <c>{ name: { … } }</c> for map,
/// <c>{ name: [ { … } ] }</c> for array. An upload puts the file in <c>{FILE_DATA}</c> as base64, or sends a
/// multipart/form-data body whose <c>{FILE_DATA}</c> parameter is the file part and whose other parameters are fields.
/// </summary>
public static class CrmRequestBuilder
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // Sent to an API, never shown in HTML: escaping only what JSON requires keeps names and notes readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// The request of <paramref name="endpoint"/> for <paramref name="values"/>, uploading <paramref name="file"/>
    /// when given. Throws <see cref="FormatException"/> when the rendered URL is not a valid absolute URL or a
    /// parameter holds a malformed function.
    /// </summary>
    public static async Task<CrmRequest> BuildAsync(CrmEndpoint endpoint, CrmValues values, CrmFile? file = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(values);
        var method = new HttpMethod(endpoint.Method.ToUpperInvariant());
        var multipart = file is not null && endpoint is CrmUploadEndpoint { UploadType: CrmUploadEndpoint.Multipart };
        if (file is not null)
        {
            values = values.Copy()
                .Set(CrmVariables.FileName, file.Name)
                .Set(CrmVariables.FileContentType, file.ContentType)
                .Set(CrmVariables.FileData, multipart ? null : Convert.ToBase64String(file.Content.Span));
        }

        var url = Url(endpoint.Url, values);
        var parameters = endpoint.Parameters
            .Select(p => (p.Name, Template: p.Value, Value: CrmParameterValue.Evaluate(p.Value, values)))
            .Where(p => p.Value is not null)
            .Select(p => (p.Name, p.Template, p.Value!.Value))
            .ToList();

        if (method == HttpMethod.Get)
        {
            return new CrmRequest { Method = method, Url = WithQuery(url, parameters.Select(p => (p.Name, p.Value.Text))) };
        }

        if (multipart)
        {
            using var form = new MultipartFormDataContent();
            foreach (var (name, template, value) in parameters)
            {
                if (CrmTemplate.IsSingleVariable(template, out var variable) && string.Equals(variable, CrmVariables.FileData, StringComparison.OrdinalIgnoreCase))
                {
                    var part = new ReadOnlyMemoryContent(file!.Content);
                    part.Headers.ContentType = MediaTypeHeaderValue.Parse(file.ContentType);
                    form.Add(part, name, file.Name);
                }
                else
                {
                    form.Add(new StringContent(value.Text, Encoding.UTF8), name);
                }
            }

            var body = await form.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            return new CrmRequest { Method = method, Url = url, Body = body, ContentType = form.Headers.ContentType!.ToString() };
        }

        return new CrmRequest { Method = method, Url = url, Body = Json(endpoint, parameters.Select(p => (p.Name, p.Value))), ContentType = "application/json" };
    }

    /// <summary>
    /// <paramref name="template"/> with its variables filled in, percent-encoded; throws <see cref="FormatException"/>
    /// when the result is not an absolute http or https URL.
    /// </summary>
    public static Uri Url(string template, CrmValues values)
    {
        ArgumentNullException.ThrowIfNull(template);
        var rendered = CrmTemplate.RenderUrl(template, values);
        return Uri.TryCreate(rendered, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)
            ? url
            : throw new FormatException($"The URL '{rendered}' is not an absolute http or https URL.");
    }

    /// <summary><paramref name="url"/> with <paramref name="parameters"/> appended to its query string, percent-encoded.</summary>
    public static Uri WithQuery(Uri url, IEnumerable<(string Name, string Value)> parameters)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(parameters);
        var query = string.Join('&', parameters.Select(p => $"{Uri.EscapeDataString(p.Name)}={Uri.EscapeDataString(p.Value)}"));
        if (query.Length == 0)
        {
            return url;
        }

        // Built as text: UriBuilder would spell out the default port, which then shows in the URL's original string.
        var text = url.AbsoluteUri;
        var hash = text.IndexOf('#', StringComparison.Ordinal);
        var (head, fragment) = hash < 0 ? (text, string.Empty) : (text[..hash], text[hash..]);
        var joiner = !head.Contains('?', StringComparison.Ordinal) ? "?" : head.EndsWith('?') || head.EndsWith('&') ? string.Empty : "&";
        return WireText.Url(head + joiner + query + fragment);
    }

    private static byte[] Json(CrmEndpoint endpoint, IEnumerable<(string Name, CrmParameterValue Value)> parameters)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            var container = string.Equals(endpoint.DataFormat, CrmEndpoint.Container, StringComparison.OrdinalIgnoreCase) ? endpoint.ContainerName : null;
            var array = container is not null && string.Equals(endpoint.ContainerType, CrmEndpoint.ArrayContainer, StringComparison.OrdinalIgnoreCase);
            if (container is not null)
            {
                writer.WritePropertyName(container);
                if (array)
                {
                    writer.WriteStartArray();
                }

                writer.WriteStartObject();
            }

            foreach (var (name, value) in parameters)
            {
                writer.WritePropertyName(name);
                if (value.IsNumber)
                {
                    writer.WriteRawValue(value.Text);
                }
                else
                {
                    writer.WriteStringValue(value.Text);
                }
            }

            if (container is not null)
            {
                writer.WriteEndObject();
                if (array)
                {
                    writer.WriteEndArray();
                }
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
