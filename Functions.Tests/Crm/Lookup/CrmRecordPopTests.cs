using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Switchboard.Crm.Lookup;
using Switchboard.Events;
using Switchboard.Pipeline;
using Switchboard.Sessions;
using Switchboard.Tests.Azurite;

namespace Switchboard.Tests.Crm.Lookup;

/// <summary>
/// The <c>CRM_Record_Pop</c> event the CRM sync queues, as the events queue holds it: the canonical event a CCAI
/// adapter post of <c>{"type":"CRM_Record_Pop","data":{…}}</c> gives, so triggers and the journal see it as any other.
/// </summary>
public sealed class CrmRecordPopTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset At = new(2024, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_call_s_pop_is_queued_as_a_CCAI_event_of_the_call_with_the_record_and_account()
    {
        var (queued, json) = await PopAsync(
            new SessionKey("acme", SessionChannels.Call, "103646"), "https://crm.example.com/record/456?view=full&lang=fr", "456", "123", "https://crm.example.com/contact/123");

        Assert.True(queued);
        var id = IdOf(json);
        Assert.Equal(
            $$$"""{"id":"{{{id}}}","source":"ccai","type":"CRM_Record_Pop","tenant":"acme","occurredAt":"2024-06-01T12:00:00+00:00","receivedAt":"2024-06-01T12:00:00+00:00","session":{"id":"103646","channel":"call","lifecycle":"updated"},"agent":null,"queue":null,"data":{"type":"CRM_Record_Pop","data":{"call_id":"103646","recordUrl":"https://crm.example.com/record/456?view=full\u0026lang=fr","record_id":"456","account_id":"123","accountUrl":"https://crm.example.com/contact/123"}},"flags":[]}""",
            json);
    }

    [Fact]
    public async Task A_chat_s_pop_without_an_account_names_the_chat_and_leaves_the_account_out()
    {
        var (queued, json) = await PopAsync(new SessionKey("acme", SessionChannels.Chat, "73522"), "https://crm.example.com/record/Zoë", "rec-1", null, null);

        Assert.True(queued);
        var id = IdOf(json);
        Assert.Equal(
            $$$"""{"id":"{{{id}}}","source":"ccai","type":"CRM_Record_Pop","tenant":"acme","occurredAt":"2024-06-01T12:00:00+00:00","receivedAt":"2024-06-01T12:00:00+00:00","session":{"id":"73522","channel":"chat","lifecycle":"updated"},"agent":null,"queue":null,"data":{"type":"CRM_Record_Pop","data":{"chat_id":"73522","recordUrl":"https://crm.example.com/record/Zo\u00EB","record_id":"rec-1"}},"flags":[]}""",
            json);
    }

    [Fact]
    public async Task A_session_that_is_neither_call_nor_chat_queues_nothing()
    {
        var (queued, json) = await PopAsync(new SessionKey("acme", SessionChannels.Email, "m-1"), "https://crm.example.com/record/1", "1", null, null);

        Assert.False(queued);
        Assert.Null(json);
    }

    /// <summary>The event's id: new, and made at the clock's time.</summary>
    private static string IdOf(string? json)
    {
        Assert.NotNull(json);
        var id = JsonDocument.Parse(json).RootElement.GetProperty("id").GetString()!;
        Assert.Matches("^evt_[0-9a-f]{32}$", id);

        // A version-7 GUID starts with its time in milliseconds.
        Assert.Equal(EventIds.New(At)[..16], id[..16]);
        return id;
    }

    /// <summary>Queues the pop as the CRM integration's services do, on a queue of its own; the queued event's JSON, if any.</summary>
    private async Task<(bool Queued, string? Json)> PopAsync(SessionKey session, string recordUrl, string recordId, string? accountId, string? accountUrl)
    {
        var events = azurite.Queues.GetQueueClient(AzuriteFixture.UniqueName("events"));
        var claims = new ClaimCheck(azurite.Blobs.GetBlobContainerClient(QueueNames.ClaimContainer));
        await using var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(new FakeTimeProvider(At))
            .AddSingleton(sp => new IngestEvent(events, claims, sp.GetRequiredService<TimeProvider>()))
            .AddSingleton<CrmRecordPop>()
            .BuildServiceProvider();
        try
        {
            var queued = await services.GetRequiredService<CrmRecordPop>().QueueAsync(session, recordUrl, recordId, accountId, accountUrl);
            await events.CreateIfNotExistsAsync();
            var messages = (await events.ReceiveMessagesAsync(32)).Value;
            return messages.Length == 0 ? (queued, null) : (queued, await claims.OpenAsync(Assert.Single(messages).Body.ToString()));
        }
        finally
        {
            await events.DeleteIfExistsAsync();
        }
    }
}
