using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Switchboard.Tests.Infra;

/// <summary>
/// infra/ builds and lints clean with the Bicep CLI, and azure.yaml names a service that azd can find: its project
/// exists and the template tags the function app with its name.
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

    // azd's schema: lower-case letters, digits and inner hyphens.
    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex AzdName();
}
