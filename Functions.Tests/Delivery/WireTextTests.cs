using Switchboard.Delivery;

namespace Switchboard.Tests.Delivery;

public sealed class WireTextTests
{
    [Theory]
    [InlineData("plain value", "plain value")]
    [InlineData("a\r\nb", "a b")]
    [InlineData("a\nb\rc", "a b c")]
    [InlineData("a\0b", "a b")]
    [InlineData("a\tb", "a b")]
    [InlineData("a\u007fb", "a b")]
    [InlineData("a\u0085b", "a b")]
    [InlineData("a\u2028b\u2029c", "a b c")]
    [InlineData("\r\nlead and trail\r\n", " lead and trail ")]
    [InlineData("Ünïcödé 日本語 😀", "Ünïcödé 日本語 😀")]
    public void Header_values_get_each_run_of_line_breaking_or_control_characters_as_one_space(string value, string sent) =>
        Assert.Equal(sent, WireText.Header(value));

    [Theory]
    [InlineData("https://crm.example.com/a b?q=ü", "https://crm.example.com/a b?q=ü")]
    [InlineData("https://crm.example.com/h\r\nX: 1", "https://crm.example.com/h%0D%0AX: 1")]
    [InlineData("https://crm.example.com/?q=\0\u007f\u0085\u2028", "https://crm.example.com/?q=%00%7F%C2%85%E2%80%A8")]
    public void Urls_get_line_breaking_and_control_characters_percent_encoded(string url, string sent) =>
        Assert.Equal(sent, WireText.UrlText(url));

    [Fact]
    public void A_header_added_through_the_guard_is_one_line()
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, "https://crm.example.com/");

        Assert.True(WireText.AddHeader(message.Headers, "X-Agent", "Kim\r\nX-Evil: 1"));

        Assert.Equal("Kim X-Evil: 1", Assert.Single(message.Headers.GetValues("X-Agent")));
        Assert.False(message.Headers.Contains("X-Evil"));
    }
}
