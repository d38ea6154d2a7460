using System.Net;
using System.Text;
using System.Text.Json;
using Switchboard.Tests.Azurite;
using Switchboard.Tests.Host;

namespace Switchboard.Tests.Email;

/// <summary>The email settings admin API through the portable host in memory, on Azurite.</summary>
public sealed class EmailSettingsApiTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private readonly string tenant = AzuriteFixture.UniqueName("tenant");

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private static Task<HttpResponseMessage> PutAsync(AdminClient client, string path, string json, string contentType = "application/json") =>
        client.Http.PutAsync(new Uri(path, UriKind.Relative), new StringContent(json, Encoding.UTF8, contentType));

    private static Task<HttpResponseMessage> GetAsync(AdminClient client, string path) => client.Http.GetAsync(new Uri(path, UriKind.Relative));

    [Fact]
    public async Task Without_the_admin_key_the_settings_are_401()
    {
        await using var client = new AdminClient(azurite);
        client.Http.DefaultRequestHeaders.Remove("x-switchboard-admin-key");

        using var read = await GetAsync(client, $"/api/email/settings?tenant={tenant}");
        using var write = await PutAsync(client, $"/api/email/settings/queues/12?tenant={tenant}", """{"enabled":true,"address":"q@example.com"}""");

        Assert.Equal(HttpStatusCode.Unauthorized, read.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, write.StatusCode);
        Assert.Equal("application/problem+json", read.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_global_setting_reads_off_until_saved_and_then_reads_back()
    {
        await using var client = new AdminClient(azurite);

        using var before = await GetAsync(client, $"/api/email/settings?tenant={tenant}");
        using var saved = await PutAsync(client, $"/api/email/settings?tenant={tenant}", """{"enabled":true,"address":"  crm-inbox@example.com "}""");
        using var after = await GetAsync(client, $"/api/email/settings?tenant={tenant}");

        var initial = await JsonAsync(before);
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal((tenant, false, "", JsonValueKind.Null), (initial.GetProperty("tenant").GetString(), initial.GetProperty("enabled").GetBoolean(), initial.GetProperty("address").GetString(), initial.GetProperty("updatedAt").ValueKind));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var read = await JsonAsync(after);
        Assert.Equal((true, "crm-inbox@example.com"), (read.GetProperty("enabled").GetBoolean(), read.GetProperty("address").GetString()));
        Assert.Equal(JsonValueKind.String, read.GetProperty("updatedAt").ValueKind);
    }

    public static TheoryData<string, string, string> BadBodies() => new()
    {
        { """{"enabled":true,"address":"not an address"}""", "application/json", "address" },
        { """{"enabled":true,"address":"CRM <crm@example.com>"}""", "application/json", "address" },
        { """{"enabled":true,"address":"a@example.com, b@example.com"}""", "application/json", "address" },
        { """{"address":"crm@example.com"}""", "application/json", "enabled" },
        { """{"enabled":"yes"}""", "application/json", "enabled" },
        { """{"enabled":true,"adress":"crm@example.com"}""", "application/json", "adress" },
        { """{"enabled":true""", "application/json", "body" },
        { "enabled=true", "application/x-www-form-urlencoded", "Content-Type" },
        { """{"enabled":true}""", "application/jsonx", "Content-Type" },
        { """{"enabled":null}""", "application/json", "enabled" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task A_bad_body_is_a_problem_naming_the_field_and_saves_nothing(string json, string contentType, string field)
    {
        await using var client = new AdminClient(azurite);

        using var global = await PutAsync(client, $"/api/email/settings?tenant={tenant}", json, contentType);
        using var queue = await PutAsync(client, $"/api/email/settings/queues/12?tenant={tenant}", json, contentType);
        using var missing = await GetAsync(client, $"/api/email/settings/queues/12?tenant={tenant}");

        foreach (var response in new[] { global, queue })
        {
            Assert.Equal(field == "Content-Type" ? HttpStatusCode.UnsupportedMediaType : HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.True((await JsonAsync(response)).GetProperty("errors").TryGetProperty(field, out _), $"errors names '{field}': {await response.Content.ReadAsStringAsync()}");
        }

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task A_bad_tenant_or_page_size_is_a_problem_naming_it()
    {
        await using var client = new AdminClient(azurite);

        using var tenantProblem = await GetAsync(client, "/api/email/settings?tenant=no%20spaces");
        using var pageProblem = await GetAsync(client, $"/api/email/settings/queues?tenant={tenant}&pageSize=0");

        Assert.True((await JsonAsync(tenantProblem)).GetProperty("errors").TryGetProperty("tenant", out _));
        Assert.True((await JsonAsync(pageProblem)).GetProperty("errors").TryGetProperty("pageSize", out _));
    }

    [Fact]
    public async Task Queue_settings_are_created_read_listed_and_deleted()
    {
        await using var client = new AdminClient(azurite);

        using var created = await PutAsync(client, $"/api/email/settings/queues/8469?tenant={tenant}", """{"enabled":true,"address":"developers@example.com"}""");
        using var replaced = await PutAsync(client, $"/api/email/settings/queues/8469?tenant={tenant}", """{"enabled":false,"address":"devs@example.com"}""");
        using var other = await PutAsync(client, $"/api/email/settings/queues/Support?tenant={tenant}", """{"enabled":true}""");
        using var read = await GetAsync(client, $"/api/email/settings/queues/8469?tenant={tenant}");
        using var caseless = await GetAsync(client, $"/api/email/settings/queues/SUPPORT?tenant={tenant}");
        using var list = await GetAsync(client, $"/api/email/settings/queues?tenant={tenant}");
        using var deleted = await client.Http.DeleteAsync(new Uri($"/api/email/settings/queues/8469?tenant={tenant}", UriKind.Relative));
        using var gone = await GetAsync(client, $"/api/email/settings/queues/8469?tenant={tenant}");
        using var deletedAgain = await client.Http.DeleteAsync(new Uri($"/api/email/settings/queues/8469?tenant={tenant}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        var queue = await JsonAsync(read);
        Assert.Equal(("8469", false, "devs@example.com"), (queue.GetProperty("queue").GetString(), queue.GetProperty("enabled").GetBoolean(), queue.GetProperty("address").GetString()));
        var support = await JsonAsync(caseless);
        Assert.Equal(("Support", true, ""), (support.GetProperty("queue").GetString(), support.GetProperty("enabled").GetBoolean(), support.GetProperty("address").GetString()));
        var items = (await JsonAsync(list)).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("queue").GetString()).ToList();
        Assert.Equal(["8469", "Support"], items);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal("application/problem+json", gone.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, deletedAgain.StatusCode);
    }

    [Fact]
    public async Task The_queue_list_is_paged()
    {
        await using var client = new AdminClient(azurite);
        foreach (var queue in new[] { "1", "2", "3" })
        {
            using var saved = await PutAsync(client, $"/api/email/settings/queues/{queue}?tenant={tenant}", """{"enabled":true,"address":"q@example.com"}""");
        }

        var first = await JsonAsync(await GetAsync(client, $"/api/email/settings/queues?tenant={tenant}&pageSize=2"));
        var continuation = first.GetProperty("continuation").GetString();
        var second = await JsonAsync(await GetAsync(client, $"/api/email/settings/queues?tenant={tenant}&pageSize=2&continuation={Uri.EscapeDataString(continuation!)}"));

        Assert.Equal(2, first.GetProperty("items").GetArrayLength());
        Assert.Equal("3", Assert.Single(second.GetProperty("items").EnumerateArray()).GetProperty("queue").GetString());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("continuation").ValueKind);
    }

    [Fact]
    public async Task A_queue_name_with_a_slash_works_escaped_or_not()
    {
        await using var client = new AdminClient(azurite);

        using var saved = await PutAsync(client, $"/api/email/settings/queues/Developers / Kim?tenant={tenant}", """{"enabled":true,"address":"kim@example.com"}""");
        using var escaped = await GetAsync(client, $"/api/email/settings/queues/{Uri.EscapeDataString("Developers / Kim")}?tenant={tenant}");

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal("Developers / Kim", (await JsonAsync(saved)).GetProperty("queue").GetString());
        Assert.Equal(HttpStatusCode.OK, escaped.StatusCode);
        Assert.Equal("kim@example.com", (await JsonAsync(escaped)).GetProperty("address").GetString());
    }

    [Fact]
    public async Task The_effective_setting_names_the_inheritance_row()
    {
        await using var client = new AdminClient(azurite);
        using var global = await PutAsync(client, $"/api/email/settings?tenant={tenant}", """{"enabled":true,"address":"crm@example.com"}""");
        using var queue = await PutAsync(client, $"/api/email/settings/queues/12?tenant={tenant}", """{"enabled":true,"address":""}""");

        var inQueue = await JsonAsync(await GetAsync(client, $"/api/email/settings/effective?tenant={tenant}&queue=12"));
        var elsewhere = await JsonAsync(await GetAsync(client, $"/api/email/settings/effective?tenant={tenant}&queue=13"));
        var noQueue = await JsonAsync(await GetAsync(client, $"/api/email/settings/effective?tenant={tenant}"));

        Assert.Equal((false, JsonValueKind.Null, "queueAddressReplacesGlobal"), (inQueue.GetProperty("sends").GetBoolean(), inQueue.GetProperty("address").ValueKind, inQueue.GetProperty("case").GetString()));
        Assert.Equal((true, "crm@example.com", "queueInheritsGlobal"), (elsewhere.GetProperty("sends").GetBoolean(), elsewhere.GetProperty("address").GetString(), elsewhere.GetProperty("case").GetString()));
        Assert.Equal((true, "crm@example.com"), (noQueue.GetProperty("sends").GetBoolean(), noQueue.GetProperty("address").GetString()));
    }
}
