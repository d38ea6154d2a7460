using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Switchboard.Tests.Azurite;
using Switchboard.Tests.Host;
using Switchboard.Triggers;

namespace Switchboard.Tests.Triggers;

public sealed class TriggersApiTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private readonly string tenant = AzuriteFixture.UniqueName("tenant");

    private static string Body(string? id = null, string secret = "null", string extra = "") =>
        "{" + (id is null ? string.Empty : $"\"id\": \"{id}\",") +
        """
          "name": "after-call", "source": "cdr", "events": ["CloudSessionCdr"],
          "filters": [ { "field": "data.cdr.dir", "op": "eq", "value": 2 } ],
          "action": { "url": "https://crm.example.com/{{type}}", "customData": { "hook": "after-call" }, "secret":
        """ + secret + extra + "} }";

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    [Fact]
    public async Task Without_the_admin_key_every_route_is_401_problem_json()
    {
        await using var client = new AdminClient(azurite);
        client.Http.DefaultRequestHeaders.Remove("x-switchboard-admin-key");

        using var list = await client.Http.GetAsync(new Uri($"/api/triggers?tenant={tenant}", UriKind.Relative));
        client.Http.DefaultRequestHeaders.Add("x-switchboard-admin-key", "wrong");
        using var create = await client.PostRawAsync($"/api/triggers?tenant={tenant}", Body());

        Assert.Equal(HttpStatusCode.Unauthorized, list.StatusCode);
        Assert.Equal("application/problem+json", list.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, create.StatusCode);
    }

    [Fact]
    public async Task Create_returns_201_with_etag_and_masked_secret_and_get_returns_the_same()
    {
        await using var client = new AdminClient(azurite);
        var secret = TriggerSecrets.Generate();

        using var created = await client.PostRawAsync($"/api/triggers?tenant={tenant}", Body("crm", $"\"{secret}\""));
        using var read = await client.Http.GetAsync(new Uri($"/api/triggers/crm?tenant={tenant}", UriKind.Relative));
        var body = await JsonAsync(read);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.NotNull(created.Headers.ETag);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(created.Headers.ETag, read.Headers.ETag);
        Assert.Equal(tenant, body.GetProperty("tenant").GetString());
        Assert.Equal("after-call", body.GetProperty("action").GetProperty("customData").GetProperty("hook").GetString());
        Assert.Equal(TriggerSecrets.Mask(secret), body.GetProperty("action").GetProperty("secret").GetString());
        Assert.DoesNotContain(secret, await created.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(secret, await read.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_generated_secret_is_valid_and_a_masked_secret_sent_back_keeps_the_stored_one()
    {
        await using var client = new AdminClient(azurite);
        using var generated = await client.PostRawAsync("/api/triggers/secrets", "{}");
        var secret = (await JsonAsync(generated)).GetProperty("secret").GetString()!;
        using var created = await client.PostRawAsync($"/api/triggers?tenant={tenant}", Body("k", $"\"{secret}\""));
        var masked = (await JsonAsync(created)).GetProperty("action").GetProperty("secret").GetString();

        using var put = new HttpRequestMessage(HttpMethod.Put, new Uri($"/api/triggers/k?tenant={tenant}", UriKind.Relative))
        {
            Content = new StringContent(Body("k", $"\"{masked}\""), Encoding.UTF8, "application/json"),
        };
        using var replaced = await client.Http.SendAsync(put);
        var store = (TriggerStore)client.Services.GetService(typeof(TriggerStore))!;

        Assert.True(TriggerValidator.IsValidSecret(secret));
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal(secret, (await store.GetAsync(tenant, "k"))!.Trigger.Action.Secret);
    }

    [Fact]
    public async Task Put_with_a_stale_if_match_is_412_and_with_the_current_one_succeeds()
    {
        await using var client = new AdminClient(azurite);
        using var created = await client.PostRawAsync($"/api/triggers?tenant={tenant}", Body("p"));
        var original = created.Headers.ETag!;

        async Task<HttpResponseMessage> PutAsync(EntityTagHeaderValue etag, string name)
        {
            using var request = new HttpRequestMessage(HttpMethod.Put, new Uri($"/api/triggers/p?tenant={tenant}", UriKind.Relative))
            {
                Content = new StringContent(Body("p").Replace("after-call\", \"source", $"{name}\", \"source", StringComparison.Ordinal), Encoding.UTF8, "application/json"),
            };
            request.Headers.IfMatch.Add(etag);
            return await client.Http.SendAsync(request);
        }

        using var first = await PutAsync(original, "first");
        using var stale = await PutAsync(original, "stale");
        using var current = await PutAsync(first.Headers.ETag!, "second");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        Assert.Equal("second", (await JsonAsync(current)).GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("\"timeoutSeconds\": 30", "action.timeoutSeconds")]
    [InlineData("\"timeoutSeconds\": \"ten\"", "action.timeoutSeconds")]
    [InlineData("\"method\": \"TRACE\"", "action.method")]
    [InlineData("\"colour\": \"red\"", "action.colour")]
    [InlineData("\"retry\": { \"policy\": \"linear\", \"attempts\": 12 }", "action.retry.attempts")]
    public async Task Validation_errors_are_400_problem_json_naming_the_field_and_store_nothing(string extra, string field)
    {
        await using var client = new AdminClient(azurite);

        using var response = await client.PostRawAsync($"/api/triggers?tenant={tenant}", Body("bad", extra: ", " + extra));
        var problem = await JsonAsync(response);
        using var read = await client.Http.GetAsync(new Uri($"/api/triggers/bad?tenant={tenant}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/jsonx")]
    [InlineData("application/json; charset=utf-16")]
    public async Task Broken_json_is_400_and_a_content_type_other_than_json_415_naming_it(string contentType)
    {
        await using var client = new AdminClient(azurite);

        using var broken = await client.PostRawAsync($"/api/triggers?tenant={tenant}", "{\"name\": ");
        using var content = new StringContent(Body("ct"));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        using var wrong = await client.Http.PostAsync(new Uri($"/api/triggers?tenant={tenant}", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, wrong.StatusCode);
        Assert.Equal("application/problem+json", wrong.Content.Headers.ContentType?.MediaType);
        Assert.True((await JsonAsync(wrong)).GetProperty("errors").TryGetProperty("Content-Type", out _));
    }

    [Fact]
    public async Task Creating_an_existing_id_is_409()
    {
        await using var client = new AdminClient(azurite);
        using var first = await client.PostRawAsync($"/api/triggers?tenant={tenant}", Body("same"));

        using var second = await client.PostRawAsync($"/api/triggers?tenant={tenant}", Body("same"));

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
    }

    [Fact]
    public async Task Delete_is_204_then_404()
    {
        await using var client = new AdminClient(azurite);
        using var created = await client.PostRawAsync($"/api/triggers?tenant={tenant}", Body("d"));

        using var first = await client.Http.DeleteAsync(new Uri($"/api/triggers/d?tenant={tenant}", UriKind.Relative));
        using var second = await client.Http.DeleteAsync(new Uri($"/api/triggers/d?tenant={tenant}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, second.StatusCode);
    }

    [Fact]
    public async Task Enable_disable_batch_delete_and_paged_listing_work_through_the_api()
    {
        await using var client = new AdminClient(azurite);
        foreach (var id in new[] { "l1", "l2", "l3" })
        {
            using var created = await client.PostRawAsync($"/api/triggers?tenant={tenant}", Body(id));
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        using var disabled = await client.PostRawAsync($"/api/triggers/l2/disable?tenant={tenant}", "{}");
        using var firstPage = await client.Http.GetAsync(new Uri($"/api/triggers?tenant={tenant}&pageSize=2", UriKind.Relative));
        var first = await JsonAsync(firstPage);
        var token = first.GetProperty("continuation").GetString();
        using var secondPage = await client.Http.GetAsync(new Uri($"/api/triggers?tenant={tenant}&pageSize=2&continuation={Uri.EscapeDataString(token!)}", UriKind.Relative));
        var second = await JsonAsync(secondPage);
        using var batch = await client.PostRawAsync($"/api/triggers/batch-delete?tenant={tenant}", """{"ids": ["l1", "l3", "missing"]}""");
        var result = await JsonAsync(batch);
        using var enabledMissing = await client.PostRawAsync($"/api/triggers/l1/enable?tenant={tenant}", "{}");

        Assert.False((await JsonAsync(disabled)).GetProperty("enabled").GetBoolean());
        Assert.Equal(2, first.GetProperty("items").GetArrayLength());
        Assert.Equal(1, second.GetProperty("items").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("continuation").ValueKind);
        Assert.Equal(["l1", "l3"], result.GetProperty("deleted").EnumerateArray().Select(e => e.GetString()).Order());
        Assert.Equal("missing", result.GetProperty("notFound")[0].GetString());
        Assert.Equal(HttpStatusCode.NotFound, enabledMissing.StatusCode);
    }

    [Fact]
    public async Task A_write_through_the_api_is_visible_to_this_instance_matching_at_once()
    {
        await using var client = new AdminClient(azurite);
        var catalog = (TriggerCatalog)client.Services.GetService(typeof(TriggerCatalog))!;
        Assert.Empty((await catalog.GetAsync(tenant)).Triggers);

        using var created = await client.PostRawAsync($"/api/triggers?tenant={tenant}", Body("now"));

        Assert.Equal("now", Assert.Single((await catalog.GetAsync(tenant)).Triggers).Id);
    }

    [Fact]
    public async Task The_openapi_document_lists_the_trigger_routes()
    {
        await using var client = new AdminClient(azurite);

        var document = await client.Http.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        Assert.Contains("/api/triggers/{id}", document, StringComparison.Ordinal);
        Assert.Contains("/api/triggers/batch-delete", document, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ucontact_registration_gives_the_url_and_updates_and_refuses_urls_over_256()
    {
        await using var client = new AdminClient(azurite, new Dictionary<string, string?> { ["Ingest:PublicBaseUrl"] = "https://relay.example.com" });
        await using var longHost = new AdminClient(azurite, new Dictionary<string, string?> { ["Ingest:PublicBaseUrl"] = "https://" + new string('h', 230) + ".example.com" });

        var registration = JsonDocument.Parse(await client.Http.GetStringAsync(new Uri("/api/sources/ucontact/registration?tenant=acme", UriKind.Relative))).RootElement;
        using var tooLong = await longHost.Http.GetAsync(new Uri("/api/sources/ucontact/registration", UriKind.Relative));

        Assert.Equal($"https://relay.example.com/api/events/ucontact?tenant=acme&code={AdminClient.IngestKey}", registration.GetProperty("url").GetString());
        Assert.Equal(5, registration.GetProperty("statements").GetArrayLength());
        Assert.Contains("WHERE event = 'FinishInteraction';", registration.GetProperty("statements")[3].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooLong.StatusCode);
        Assert.Contains("256", await tooLong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("W/bogus")]
    [InlineData("bogus")]
    [InlineData("*, \"a\"")]
    [InlineData("\"é\"")]
    [InlineData("\"a\" \"b\"")]
    public async Task A_malformed_if_match_is_400_naming_it_and_changes_nothing(string ifMatch)
    {
        await using var client = new AdminClient(azurite);
        using var created = await client.PostRawAsync($"/api/triggers?tenant={tenant}", Body("im"));

        using var response = await PutWithIfMatchAsync(client, "im", ifMatch);
        using var read = await client.Http.GetAsync(new Uri($"/api/triggers/im?tenant={tenant}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await JsonAsync(response)).GetProperty("errors").TryGetProperty("If-Match", out _), await response.Content.ReadAsStringAsync());
        Assert.Equal(created.Headers.ETag, read.Headers.ETag);
    }

    [Theory]
    [InlineData("\"*\"")]
    [InlineData("W/\"stale\"")]
    [InlineData("\"a\", \"b\"")]
    public async Task A_well_formed_if_match_that_names_another_version_is_412_naming_it(string ifMatch)
    {
        await using var client = new AdminClient(azurite);
        using var created = await client.PostRawAsync($"/api/triggers?tenant={tenant}", Body("im412"));

        using var response = await PutWithIfMatchAsync(client, "im412", ifMatch);

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.True((await JsonAsync(response)).GetProperty("errors").TryGetProperty("If-Match", out _));
    }

    [Fact]
    public async Task If_match_star_or_a_list_holding_the_current_etag_replaces()
    {
        await using var client = new AdminClient(azurite);
        using var created = await client.PostRawAsync($"/api/triggers?tenant={tenant}", Body("imok"));

        using var star = await PutWithIfMatchAsync(client, "imok", "*");
        using var list = await PutWithIfMatchAsync(client, "imok", $"\"other\", {star.Headers.ETag}");

        Assert.Equal(HttpStatusCode.OK, star.StatusCode);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
    }

    [Fact]
    public async Task A_null_tenant_in_the_body_is_400_naming_it()
    {
        await using var client = new AdminClient(azurite);

        using var response = await client.PostRawAsync("/api/triggers", Body("nt").Replace("\"name\":", "\"tenant\": null, \"name\":", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await JsonAsync(response)).GetProperty("errors").TryGetProperty("tenant", out _), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Batch_delete_of_an_id_no_table_key_can_hold_is_400_naming_it_and_deletes_nothing()
    {
        await using var client = new AdminClient(azurite);
        using var created = await client.PostRawAsync($"/api/triggers?tenant={tenant}", Body("keep"));

        using var response = await client.PostRawAsync($"/api/triggers/batch-delete?tenant={tenant}", """{"ids": ["keep", "a/b"]}""");
        using var read = await client.Http.GetAsync(new Uri($"/api/triggers/keep?tenant={tenant}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await JsonAsync(response)).GetProperty("errors").TryGetProperty("ids[1]", out _));
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Theory]
    [InlineData("?pageSize=abc", "pageSize")]
    [InlineData("?pageSize=", "pageSize")]
    [InlineData("?continuation=", "continuation")]
    [InlineData("?tenant=a%2Fb", "tenant")]
    public async Task A_bad_query_value_is_a_problem_naming_it(string query, string field)
    {
        await using var client = new AdminClient(azurite);

        using var response = await client.Http.GetAsync(new Uri($"/api/triggers{query}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await JsonAsync(response)).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Custom_data_deeper_than_the_limit_is_400_and_at_the_limit_it_is_listed_whole()
    {
        await using var client = new AdminClient(azurite);
        string WithCustomData(string id, int levels) =>
            Body(id).Replace("{ \"hook\": \"after-call\" }", "{ \"deep\": " + TriggerValidatorTests.Nested(levels).GetRawText() + " }", StringComparison.Ordinal);

        using var tooDeep = await client.PostRawAsync($"/api/triggers?tenant={tenant}", WithCustomData("deep61", 61));
        using var atLimit = await client.PostRawAsync($"/api/triggers?tenant={tenant}", WithCustomData("deep", TriggerValidator.MaxCustomDataDepth));
        using var list = await client.Http.GetAsync(new Uri($"/api/triggers?tenant={tenant}", UriKind.Relative));
        var listed = await JsonAsync(list);

        Assert.Equal(HttpStatusCode.BadRequest, tooDeep.StatusCode);
        Assert.True((await JsonAsync(tooDeep)).GetProperty("errors").TryGetProperty("action.customData.deep", out _), await tooDeep.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Created, atLimit.StatusCode);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal("deep", Assert.Single(listed.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("\"headers\": { \"X-Null\": null }", "action.headers.X-Null")]
    [InlineData("\"query\": { \"q\": null }", "action.query.q")]
    [InlineData("\"body\": \"{{> x}}\"", "action.body")]
    [InlineData("\"body\": \"{{log}}\"", "action.body")]
    public async Task Templates_and_values_every_delivery_would_fail_on_are_refused_on_save(string extra, string field)
    {
        await using var client = new AdminClient(azurite);

        using var response = await client.PostRawAsync($"/api/triggers?tenant={tenant}", Body("tpl", extra: ", " + extra));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await JsonAsync(response)).GetProperty("errors").TryGetProperty(field, out _), await response.Content.ReadAsStringAsync());
    }

    private async Task<HttpResponseMessage> PutWithIfMatchAsync(AdminClient client, string id, string ifMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri($"/api/triggers/{id}?tenant={tenant}", UriKind.Relative))
        {
            Content = new StringContent(Body(id), Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await client.Http.SendAsync(request);
    }
}
