using System.Globalization;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using Switchboard.Delivery;
using Switchboard.Triggers;

namespace Switchboard.Tests.Delivery;

public sealed class WebhookVerifierTests
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"id":"evt_1"}""");

    private static string Timestamp(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    [Fact]
    public void A_signature_computed_independently_verifies()
    {
        var clock = new FakeTimeProvider();
        var timestamp = Timestamp(clock.GetUtcNow());
        var signature = IndependentSignature.Compute(DeliveryHarness.Secret, "msg_1", timestamp, Body);

        Assert.True(new WebhookVerifier(DeliveryHarness.Secret, clock).Verify(Body, "msg_1", timestamp, signature));
    }

    [Fact]
    public void Timestamps_more_than_five_minutes_away_are_refused()
    {
        var clock = new FakeTimeProvider();
        var sent = clock.GetUtcNow();
        var signature = IndependentSignature.Compute(DeliveryHarness.Secret, "msg_1", Timestamp(sent), Body);
        var verifier = new WebhookVerifier(DeliveryHarness.Secret, clock);

        clock.Advance(TimeSpan.FromMinutes(5));
        Assert.True(verifier.Verify(Body, "msg_1", Timestamp(sent), signature));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(verifier.Verify(Body, "msg_1", Timestamp(sent), signature));
        Assert.False(verifier.Verify(Body, "msg_1", Timestamp(clock.GetUtcNow().AddMinutes(6)), IndependentSignature.Compute(DeliveryHarness.Secret, "msg_1", Timestamp(clock.GetUtcNow().AddMinutes(6)), Body)));
    }

    [Fact]
    public void Any_of_several_signatures_or_secrets_verifies_during_rotation()
    {
        var clock = new FakeTimeProvider();
        var old = TriggerSecrets.Generate();
        var timestamp = Timestamp(clock.GetUtcNow());
        var header = IndependentSignature.Compute(DeliveryHarness.Secret, "msg_1", timestamp, Body) + " " + IndependentSignature.Compute(old, "msg_1", timestamp, Body);

        Assert.True(new WebhookVerifier(old, clock).Verify(Body, "msg_1", timestamp, header));
        Assert.True(new WebhookVerifier(DeliveryHarness.Secret, clock).Verify(Body, "msg_1", timestamp, header));
        Assert.True(new WebhookVerifier([TriggerSecrets.Generate(), old], clock).Verify(Body, "msg_1", timestamp, IndependentSignature.Compute(old, "msg_1", timestamp, Body)));
    }

    [Theory]
    [InlineData(null, "1", "v1,abc")]
    [InlineData("msg_1", null, "v1,abc")]
    [InlineData("msg_1", "not-a-number", "v1,abc")]
    [InlineData("msg_1", "1", null)]
    [InlineData("msg_1", "1", "v2,abc")]
    [InlineData("msg_1", "1", "v1,!!!")]
    public void Missing_or_malformed_headers_are_refused(string? id, string? timestamp, string? signature)
    {
        Assert.False(new WebhookVerifier(DeliveryHarness.Secret, new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1))).Verify(Body, id, timestamp, signature));
    }
}
