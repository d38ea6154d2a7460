using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Switchboard.Delivery;
using Switchboard.Host.Jobs;
using Switchboard.Pipeline;
using Switchboard.Sessions;
using Switchboard.Storage;

namespace Switchboard.Tests.Infra;

/// <summary>
/// infra/ builds and lints clean with the Bicep CLI, declares every table, queue and container the app provisions and a
/// lifecycle rule for claim checks, and azure.yaml names a service that azd can find: its project exists and the
/// template tags the function app with its name.
/// </summary>
public sealed partial class InfraTests
{
    private static readonly string Root = Metadata("RepoRoot");

    private static readonly Lazy<Task<(int Code, string Output)>> Build = new(() => BicepAsync("build", "infra/main.bicep", "--stdout"));

    [Fact]
    public async Task The_bicep_template_builds_and_lints_without_a_warning()
    {
        var (buildCode, buildOutput) = await Build.Value;
        var (lintCode, lintOutput) = await BicepAsync("lint", "infra/main.bicep");

        Assert.True(buildCode == 0, buildOutput);
        Assert.True(lintCode == 0, lintOutput);
        Assert.DoesNotContain("Warning", lintOutput, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Azd_finds_the_function_app_the_service_deploys_to()
    {
        var yaml = await File.ReadAllLinesAsync(Path.Combine(Root, "azure.yaml"));
        var name = Value(yaml, "name");
        var service = yaml.SkipWhile(l => l != "services:").Skip(1).First().Trim().TrimEnd(':');
        var (_, arm) = await Build.Value;
        var site = JsonDocument.Parse(arm).RootElement.GetProperty("resources").EnumerateArray()
            .Single(r => r.GetProperty("type").GetString() == "Microsoft.Web/sites");

        Assert.Matches(AzdName(), name);
        Assert.Equal("function", Value(yaml, "host"));
        Assert.True(File.Exists(Path.Combine(Root, Value(yaml, "project"), "Functions.csproj")));
        Assert.Equal(service, site.GetProperty("tags").GetProperty("azd-service-name").GetString());
    }

    [Fact]
    public async Task The_template_declares_every_table_queue_and_container_the_app_provisions()
    {
        var arm = await ArmAsync();
        var resources = StorageResources.For(new DeliveryOptions(), new ExportOptions());

        Assert.Empty(resources.Tables.Except(Declared(arm, "tableServices/tables")));
        Assert.Empty(resources.Queues.Except(Declared(arm, "queueServices/queues")));
        Assert.Empty(resources.Containers.Except(Declared(arm, "blobServices/containers")));
    }

    [Fact]
    public async Task A_lifecycle_rule_deletes_claim_check_blobs_once_no_queued_job_can_still_need_them()
    {
        var arm = await ArmAsync();
        var policy = Assert.Single(Resources(arm, "managementPolicies"));
        var rule = Assert.Single(
            policy.GetProperty("properties").GetProperty("policy").GetProperty("rules").EnumerateArray(),
            r => r.GetProperty("definition").GetProperty("filters").GetProperty("prefixMatch").EnumerateArray()
                .Any(p => p.GetString() == QueueNames.ClaimContainer + "/"));
        var days = rule.GetProperty("definition").GetProperty("actions").GetProperty("baseBlob").GetProperty("delete")
            .GetProperty("daysAfterModificationGreaterThan").GetInt32();

        Assert.True(rule.GetProperty("enabled").GetBoolean());
        Assert.Contains("blockBlob", rule.GetProperty("definition").GetProperty("filters").GetProperty("blobTypes").EnumerateArray().Select(t => t.GetString()));
        Assert.True(days > JobScheduler.MaxStep.TotalDays, $"claims deleted after {days} days; a job may wait {JobScheduler.MaxStep.TotalDays:0.#} days on the queue");
    }

    private static async Task<JsonElement> ArmAsync()
    {
        var (code, output) = await Build.Value;
        Assert.True(code == 0, output);
        return JsonDocument.Parse(output).RootElement;
    }

    private static IEnumerable<JsonElement> Resources(JsonElement arm, string type) =>
        arm.GetProperty("resources").EnumerateArray().Where(r => r.GetProperty("type").GetString() == "Microsoft.Storage/storageAccounts/" + type);

    // A child of the account is named format('{0}/{1}/{2}', account, 'default', leaf); the leaf is a literal, a
    // parameter (its default counts) or, in a loop, an element of a variable.
    private static IEnumerable<string> Declared(JsonElement arm, string type) => Resources(arm, type).SelectMany(r => Names(arm, r));

    private static IEnumerable<string> Names(JsonElement arm, JsonElement resource)
    {
        var name = resource.GetProperty("name").GetString()!;
        var leaf = ChildName().Match(name);
        Assert.True(leaf.Success, $"unexpected resource name {name}");
        return leaf.Groups["literal"].Success ? [leaf.Groups["literal"].Value]
            : leaf.Groups["parameter"].Success ? [arm.GetProperty("parameters").GetProperty(leaf.Groups["parameter"].Value).GetProperty("defaultValue").GetString()!]
            : leaf.Groups["each"].Success ? [.. arm.GetProperty("variables").GetProperty(leaf.Groups["each"].Value).EnumerateArray().Select(v => v.GetString()!)]
            : [arm.GetProperty("variables").GetProperty(leaf.Groups["variable"].Value).GetString()!];
    }

    private static string Value(IEnumerable<string> yaml, string key) =>
        yaml.Select(l => l.Trim()).First(l => l.StartsWith(key + ":", StringComparison.Ordinal))[(key.Length + 1)..].Trim();

    private static async Task<(int Code, string Output)> BicepAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(Metadata("BicepCli"))
        {
            WorkingDirectory = Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }

    private static string Metadata(string key) =>
        typeof(InfraTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

    [GeneratedRegex(@"^\[format\('\{0\}/\{1\}/\{2\}', parameters\('storageAccountName'\), 'default', (?:'(?<literal>[^']+)'|parameters\('(?<parameter>\w+)'\)|variables\('(?<each>\w+)'\)\[copyIndex\(\)\]|variables\('(?<variable>\w+)'\))\)\]$")]
    private static partial Regex ChildName();

    // azd's schema: lower-case letters, digits and inner hyphens.
    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex AzdName();
}
