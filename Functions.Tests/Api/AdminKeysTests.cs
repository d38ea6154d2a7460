using Microsoft.AspNetCore.Http;
using Switchboard.Api;

namespace Switchboard.Tests.Api;

public sealed class AdminKeysTests
{
    private static HttpRequest Request(string? key)
    {
        var context = new DefaultHttpContext();
        if (key is not null)
        {
            context.Request.Headers[AdminKeys.HeaderName] = key;
        }

        return context.Request;
    }

    private static AdminOptions Options(params string[] keys)
    {
        var options = new AdminOptions();
        foreach (var key in keys)
        {
            options.Keys.Add(key);
        }

        return options;
    }

    [Fact]
    public void A_configured_key_passes()
    {
        Assert.Null(AdminKeys.Check(Request("second"), Options("first", "second")));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("wrong")]
    [InlineData("firs")]
    public void A_missing_or_wrong_key_is_401_naming_the_header(string? key)
    {
        var denied = AdminKeys.Check(Request(key), Options("first"));

        Assert.NotNull(denied);
        Assert.Equal(StatusCodes.Status401Unauthorized, denied.StatusCode);
        Assert.Contains(AdminKeys.HeaderName, denied.ProblemDetails.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void With_no_keys_configured_the_admin_api_is_closed()
    {
        var denied = AdminKeys.Check(Request(string.Empty), Options());

        Assert.Contains("closed", denied!.ProblemDetails.Detail, StringComparison.Ordinal);
    }
}
