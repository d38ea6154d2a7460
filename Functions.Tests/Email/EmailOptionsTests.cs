using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Switchboard.Email;
using Switchboard.Pipeline;
using Switchboard.Sessions;

namespace Switchboard.Tests.Email;

/// <summary>Email:* configuration: off without a host, validated at start-up only when on.</summary>
public sealed class EmailOptionsTests
{
    [Fact]
    public void Defaults_are_off_587_starttls_three_retries_and_30_seconds()
    {
        var options = new EmailOptions();

        Assert.False(options.Enabled);
        Assert.Equal((587, true, 3, TimeSpan.FromSeconds(30)), (options.Port, options.EnableSsl, options.Attempts, options.Timeout));
        Assert.Empty(options.Problems());
    }

    [Fact]
    public void Off_is_never_validated()
    {
        Assert.Empty(new EmailOptions { Port = 0, Attempts = 99, From = "nope" }.Problems());
    }

    [Fact]
    public void On_each_problem_names_its_setting()
    {
        var problems = new EmailOptions { Host = "smtp.example.com", Port = 70_000, From = "not an address", UserName = "u", Attempts = 11, Timeout = TimeSpan.Zero }.Problems();

        Assert.Equal(5, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("Email:Port", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Email:From", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Email:Password", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Email:Attempts", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Email:Timeout", StringComparison.Ordinal));
        Assert.Empty(new EmailOptions { Host = "smtp.example.com", From = "Switchboard <no-reply@example.com>", UserName = "u", Password = "p" }.Problems());
    }

    [Fact]
    public void Binding_reads_the_Email_section_and_start_up_validation_refuses_a_bad_one()
    {
        var good = Bind(new() { ["Email:Host"] = "smtp.example.com", ["Email:Port"] = "2525", ["Email:EnableSsl"] = "false", ["Email:From"] = "crm-bot@example.com", ["Email:Attempts"] = "5" });
        var bad = Bind(new() { ["Email:Host"] = "smtp.example.com" });

        var options = good.GetRequiredService<IOptions<EmailOptions>>().Value;
        var failure = Assert.Throws<OptionsValidationException>(() => bad.GetRequiredService<IOptions<EmailOptions>>().Value);

        Assert.Equal(("smtp.example.com", 2525, false, "crm-bot@example.com", 5), (options.Host, options.Port, options.EnableSsl, options.From, options.Attempts));
        Assert.Contains(failure.Failures, f => f.StartsWith("Email:From", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("crm@example.com", true)]
    [InlineData("first.last+tag@sub.example.co", true)]
    [InlineData("CRM <crm@example.com>", false)]
    [InlineData("a@example.com, b@example.com", false)]
    [InlineData("not an address", false)]
    [InlineData("", false)]
    public void Recipients_are_one_bare_address(string address, bool valid)
    {
        Assert.Equal(valid, EmailAddresses.IsValidRecipient(address));
    }

    [Fact]
    public void Delivery_ids_are_stable_per_session_and_distinct_between_sessions()
    {
        var id = SessionEmailJob.DeliveryIdFor(new SessionKey("t1", "chat", "73522"));

        Assert.Equal(id, SessionEmailJob.DeliveryIdFor(new SessionKey("t1", "chat", "73522")));
        Assert.NotEqual(id, SessionEmailJob.DeliveryIdFor(new SessionKey("t1", "call", "73522")));
        Assert.NotEqual(id, SessionEmailJob.DeliveryIdFor(new SessionKey("t2", "chat", "73522")));
        Assert.Matches("^eml_[0-9a-f]{32}$", id);
    }

    [Fact]
    public void The_subject_names_channel_and_session() =>
        Assert.Equal("Session outcome: chat 73522", SessionOutcomeEmail.SubjectFor("chat", "73522"));

    [Fact]
    public void A_job_survives_the_trip_through_scheduled_work_and_garbage_is_poison()
    {
        var job = new SessionEmailJob
        {
            DeliveryId = "eml_1",
            Tenant = "t",
            Channel = "chat",
            SessionId = "1",
            To = "crm@example.com",
            MetadataBlob = "ujet-metadata/chat-1.json",
            TranscriptBlob = "ujet-chat-transcripts/chat-1.txt",
            FirstAttemptAt = DateTimeOffset.UnixEpoch,
        }.At(2);

        var work = job.ToWork();

        Assert.Equal((SessionEmailJob.WorkKind, "eml_1-2"), (work.Kind, work.Id));
        Assert.Equal(job, SessionEmailJob.FromWork(work));
        Assert.Throws<PoisonMessageException>(() => SessionEmailJob.FromWork(work with { Payload = System.Text.Json.JsonDocument.Parse("{\"to\":1}").RootElement }));
    }

    private static ServiceProvider Bind(Dictionary<string, string?> values)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        services.AddSessionEmail();
        return services.BuildServiceProvider();
    }
}
