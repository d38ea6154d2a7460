using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Switchboard.Crm.Calls;
using Switchboard.Tests.Azurite;

namespace Switchboard.Tests.Crm.Calls;

/// <summary>Requests as the endpoints' settings shape them: GET queries, the data formats, and both upload forms as the CRM receives them.</summary>
public sealed class CrmRequestBuilderTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly CrmParameter[] Parameters =
    [
        new() { Name = "subject", Value = "{TICKET_SUBJECT}" },
        new() { Name = "contactId", Value = "{ACCOUNT_ID}" },
        new() { Name = "rating", Value = "5" },
        new() { Name = "agent", Value = "=DEFAULT_VALUE({AGENT_EMAIL}, support@example.com)" },
        new() { Name = "criteria", Value = "=CONCAT_AND({EMAIL}, {PHONE_NUMBER})" },
    ];

    private static CrmValues Values() => new CrmValues()
        .Set("TICKET_SUBJECT", "Call 103646 · Ünïcode & <tags>")
        .Set("ACCOUNT_ID", "123", number: true)
        .Set("RECORD_ID", "rec/42 x");

    private static CrmEndpoint Endpoint(string method = "POST", string format = "properties", string? containerType = null, string? containerName = null) => new()
    {
        Url = "https://crm.example.com/api/records/{RECORD_ID}?v=2",
        Method = method,
        Parameters = Parameters,
        DataFormat = format,
        ContainerType = containerType,
        ContainerName = containerName,
    };

    [Fact]
    public async Task Get_appends_the_parameters_to_the_query_and_drops_those_whose_function_yields_nothing()
    {
        var request = await CrmRequestBuilder.BuildAsync(Endpoint("GET"), Values());

        Assert.Equal(HttpMethod.Get, request.Method);
        Assert.Null(request.ContentType);
        Assert.Equal(
            "https://crm.example.com/api/records/rec%2F42%20x?v=2&subject=Call%20103646%20%C2%B7%20%C3%9Cn%C3%AFcode%20%26%20%3Ctags%3E&contactId=123&rating=5&agent=support%40example.com",
            request.Url.AbsoluteUri);
    }

    [Fact]
    public async Task Properties_are_the_body_itself_with_typed_numbers_kept_as_numbers()
    {
        var request = await CrmRequestBuilder.BuildAsync(Endpoint(), Values());

        Assert.Equal("application/json", request.ContentType);
        Assert.Equal("""{"subject":"Call 103646 · Ünïcode & <tags>","contactId":123,"rating":5,"agent":"support@example.com"}""", request.BodyText);
    }

    [Fact]
    public async Task A_map_container_nests_the_parameters_in_an_object()
    {
        var request = await CrmRequestBuilder.BuildAsync(Endpoint("PUT", "container", "map", "record"), Values());

        Assert.Equal(HttpMethod.Put, request.Method);
        Assert.Equal("""{"record":{"subject":"Call 103646 · Ünïcode & <tags>","contactId":123,"rating":5,"agent":"support@example.com"}}""", request.BodyText);
    }

    [Fact]
    public async Task An_array_container_nests_the_parameters_in_an_array_of_one()
    {
        var request = await CrmRequestBuilder.BuildAsync(Endpoint("PATCH", "container", "array", "data"), Values());

        Assert.Equal(HttpMethod.Patch, request.Method);
        Assert.Equal("""{"data":[{"subject":"Call 103646 · Ünïcode & <tags>","contactId":123,"rating":5,"agent":"support@example.com"}]}""", request.BodyText);
    }

    [Fact]
    public async Task An_url_that_renders_invalid_is_a_format_error() =>
        await Assert.ThrowsAsync<FormatException>(() => CrmRequestBuilder.BuildAsync(new CrmEndpoint { Url = "{RECORD_ID}" }, Values()));

    [Fact]
    public async Task A_base64_upload_puts_the_file_in_the_json_body()
    {
        var endpoint = new CrmUploadEndpoint
        {
            Url = "https://crm.example.com/api/records/{RECORD_ID}/files",
            UploadType = CrmUploadEndpoint.Base64,
            Parameters = [new() { Name = "data", Value = "{FILE_DATA}" }, new() { Name = "name", Value = "{FILE_NAME}" }, new() { Name = "type", Value = "{FILE_CONTENT_TYPE}" }],
            DataFormat = "container",
            ContainerType = "map",
            ContainerName = "attachment",
        };
        var content = Encoding.UTF8.GetBytes("{\"sessionId\":\"103646\"}");

        var request = await CrmRequestBuilder.BuildAsync(endpoint, Values(), new CrmFile("call-103646.json", "application/json", content));

        var attachment = JsonDocument.Parse(request.BodyText).RootElement.GetProperty("attachment");
        Assert.Equal(content, Convert.FromBase64String(attachment.GetProperty("data").GetString()!));
        Assert.Equal("call-103646.json", attachment.GetProperty("name").GetString());
        Assert.Equal("application/json", attachment.GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_multipart_upload_reaches_the_crm_as_a_file_part_and_fields()
    {
        await using var harness = await CrmHarness.StartAsync(azurite);
        harness.Crm.On("POST", "api/records/*/attachments", 201, """{"id":"att-1"}""");
        var endpoint = harness.Settings().Endpoints.UploadFile!;
        var audio = Enumerable.Range(0, 70_000).Select(i => (byte)(i % 251)).ToArray();
        var request = await CrmRequestBuilder.BuildAsync(endpoint, Values(), new CrmFile("call-103646.mp3", "audio/mpeg", audio));

        var response = await harness.Client.SendAsync(harness.Settings(), request);

        Assert.Equal(201, response.Outcome.StatusCode);
        var received = Assert.Single(harness.Crm.Requests);
        Assert.Equal("/api/records/rec%2F42%20x/attachments", received.RawTarget);
        var boundary = HeaderUtilities.RemoveQuotes(MediaTypeHeaderValue.Parse(received.Header("Content-Type")).Boundary).Value!;
        var reader = new MultipartReader(boundary, new MemoryStream(received.Body));
        var file = await reader.ReadNextSectionAsync();
        Assert.Equal("audio/mpeg", file!.ContentType);
        Assert.True(ContentDispositionHeaderValue.TryParse(file.ContentDisposition, out var disposition));
        Assert.Equal(("file", "call-103646.mp3"), (disposition.Name.Value, disposition.FileName.Value));
        using var bytes = new MemoryStream();
        await file.Body.CopyToAsync(bytes);
        Assert.Equal(audio, bytes.ToArray());
        var name = await reader.ReadNextSectionAsync();
        Assert.Equal("call-103646.mp3", await new StreamReader(name!.Body).ReadToEndAsync());
        Assert.Null(await reader.ReadNextSectionAsync());
    }
}
