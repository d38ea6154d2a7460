using System.Net;
using System.Text.Json;
using Switchboard.Tests.Azurite;
using Switchboard.Tests.Host;

namespace Switchboard.Tests.Sessions;

/// <summary>The session archive routes refuse what cannot name a session or folder before they look in storage.</summary>
public sealed class SessionsApiTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Theory]
    [InlineData("/api/sessions/%20/103646", "channel")]
    [InlineData("/api/sessions/call/%09", "id")]
    [InlineData("/api/sessions/call/{long}", "id")]
    [InlineData("/api/sessions/{long}/103646", "channel")]
    [InlineData("/api/sessions/archive?folder=", "folder")]
    [InlineData("/api/sessions/archive?folder=%01", "folder")]
    [InlineData("/api/sessions/call-%20/lookup-url", "session")]
    public async Task A_value_that_cannot_name_a_session_or_folder_is_400_naming_it(string path, string field)
    {
        await using var client = new AdminClient(azurite);

        using var response = await client.Http.GetAsync(new Uri(path.Replace("{long}", new string('a', 1000), StringComparison.Ordinal), UriKind.Relative));
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.GetRawText());
    }

    [Fact]
    public async Task A_session_not_exported_is_404_naming_the_id()
    {
        await using var client = new AdminClient(azurite);

        using var response = await client.Http.GetAsync(new Uri("/api/sessions/call/a%2Fb", UriKind.Relative));
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("id", problem.GetProperty("field").GetString());
    }
}
