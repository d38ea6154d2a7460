using System.Net;
using System.Net.Sockets;
using Switchboard.Delivery;
using Switchboard.Triggers;

namespace Switchboard.Tests.Delivery;

public sealed class NetworkGuardTests
{
    [Theory]
    [InlineData("127.0.0.1", "loopback")]
    [InlineData("127.255.0.9", "loopback")]
    [InlineData("::1", "loopback")]
    [InlineData("10.0.0.1", "private")]
    [InlineData("10.255.255.255", "private")]
    [InlineData("172.16.0.1", "private")]
    [InlineData("172.31.255.254", "private")]
    [InlineData("192.168.1.1", "private")]
    [InlineData("fc00::1", "private")]
    [InlineData("fd12:3456::1", "private")]
    [InlineData("169.254.1.1", "link-local")]
    [InlineData("fe80::1", "link-local")]
    [InlineData("100.64.0.1", "CGNAT")]
    [InlineData("100.127.255.254", "CGNAT")]
    [InlineData("169.254.169.254", "cloud metadata")]
    [InlineData("fd00:ec2::254", "cloud metadata")]
    [InlineData("0.0.0.0", "unspecified")]
    [InlineData("::", "unspecified")]
    [InlineData("224.0.0.1", "multicast")]
    [InlineData("239.255.255.250", "multicast")]
    [InlineData("ff02::1", "multicast")]
    [InlineData("255.255.255.255", "reserved")]
    [InlineData("::ffff:127.0.0.1", "loopback")]
    [InlineData("::ffff:169.254.169.254", "cloud metadata")]
    [InlineData("::ffff:10.1.2.3", "private")]
    [InlineData("::ffff:7f00:1", "loopback")]
    [InlineData("::ffff:a00:1", "private")]
    [InlineData("::ffff:a9fe:a9fe", "cloud metadata")]
    [InlineData("::ffff:0.0.0.0", "unspecified")]
    [InlineData("::ffff:0:127.0.0.1", "loopback")]
    [InlineData("::ffff:0:7f00:1", "loopback")]
    [InlineData("::ffff:0:10.1.2.3", "private")]
    [InlineData("::ffff:0:169.254.169.254", "cloud metadata")]
    [InlineData("::ffff:0:100.64.0.1", "CGNAT")]
    [InlineData("64:ff9b::a9fe:a9fe", "cloud metadata")]
    [InlineData("64:ff9b::127.0.0.1", "loopback")]
    [InlineData("64:ff9b::10.0.0.1", "private")]
    [InlineData("64:ff9b::192.168.1.1", "private")]
    [InlineData("64:ff9b::100.64.0.1", "CGNAT")]
    [InlineData("64:ff9b:1::1", "private")]
    [InlineData("64:ff9b:1:ffff:ffff:ffff:ffff:ffff", "private")]
    [InlineData("64:ff9b:1:a:808:808::", "private")]
    [InlineData("2002:0a00:0001::1", "private")]
    public void Internal_addresses_are_refused_with_the_reason(string address, string reason)
    {
        Assert.Equal(reason, NetworkGuard.Refusal(IPAddress.Parse(address)));
        Assert.False(NetworkGuard.IsPublic(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("1.1.1.1")]
    [InlineData("172.15.255.255")]
    [InlineData("172.32.0.1")]
    [InlineData("100.63.255.255")]
    [InlineData("100.128.0.1")]
    [InlineData("169.253.255.255")]
    [InlineData("192.169.0.1")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("2001:4860:4860::8888")]
    [InlineData("::ffff:8.8.8.8")]
    [InlineData("::ffff:0:8.8.8.8")]
    [InlineData("64:ff9b::8.8.8.8")]
    [InlineData("64:ff9b:2::1")]
    public void Public_addresses_are_allowed(string address)
    {
        Assert.Null(NetworkGuard.Refusal(IPAddress.Parse(address)));
    }

    [Fact]
    public async Task With_private_networks_refused_a_delivery_to_127_0_0_1_is_blocked_without_a_connection()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        await using var services = DeliveryHarness.Services(allowPrivateNetworks: false);
        var request = DeliveryHarness.Builder().Build(DeliveryHarness.Trigger($"https://127.0.0.1:{port}/hook"), DeliveryHarness.Event(), "dlv_1", DateTimeOffset.UtcNow);

        var outcome = await DeliveryHarness.Sender(services).SendAsync(request, TimeSpan.FromSeconds(5));

        Assert.Equal(AttemptError.Blocked, outcome.Error);
        Assert.Contains("loopback", outcome.ErrorMessage, StringComparison.Ordinal);
        Assert.Null(outcome.StatusCode);
        Assert.False(listener.Pending());
        Assert.Equal(DeliveryState.Failed, RetryPolicy.Decide(new TriggerRetry { Policy = "linear", Attempts = 3 }, 1, outcome, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch).State);
    }

    [Theory]
    [InlineData("[::ffff:127.0.0.1]", "loopback")]
    [InlineData("[::ffff:0:127.0.0.1]", "loopback")]
    [InlineData("[64:ff9b::10.0.0.1]", "private")]
    [InlineData("[64:ff9b:1::a00:1]", "private")]
    public async Task An_ipv6_literal_carrying_an_internal_address_is_blocked_before_connecting(string host, string reason)
    {
        await using var services = DeliveryHarness.Services(allowPrivateNetworks: false);
        var request = DeliveryHarness.Builder().Build(DeliveryHarness.Trigger($"https://{host}:{DeliveryHarness.ClosedPort()}/hook"), DeliveryHarness.Event(), "dlv_1", DateTimeOffset.UtcNow);

        var outcome = await DeliveryHarness.Sender(services).SendAsync(request, TimeSpan.FromSeconds(5));

        Assert.Equal(AttemptError.Blocked, outcome.Error);
        Assert.Contains(reason, outcome.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_host_name_resolving_to_loopback_is_blocked_too()
    {
        await using var services = DeliveryHarness.Services(allowPrivateNetworks: false);
        var request = DeliveryHarness.Builder().Build(DeliveryHarness.Trigger($"https://localhost:{DeliveryHarness.ClosedPort()}/hook"), DeliveryHarness.Event(), "dlv_1", DateTimeOffset.UtcNow);

        var outcome = await DeliveryHarness.Sender(services).SendAsync(request, TimeSpan.FromSeconds(5));

        Assert.Equal(AttemptError.Blocked, outcome.Error);
    }

    [Fact]
    public async Task With_private_networks_refused_plain_http_is_blocked_before_connecting()
    {
        await using var services = DeliveryHarness.Services(allowPrivateNetworks: false);
        var request = DeliveryHarness.Builder().Build(DeliveryHarness.Trigger("http://example.com/hook"), DeliveryHarness.Event(), "dlv_1", DateTimeOffset.UtcNow);

        var outcome = await DeliveryHarness.Sender(services).SendAsync(request, TimeSpan.FromSeconds(5));

        Assert.Equal(AttemptError.Blocked, outcome.Error);
        Assert.Contains("https", outcome.ErrorMessage, StringComparison.Ordinal);
    }
}
