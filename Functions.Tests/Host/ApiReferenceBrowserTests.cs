using System.Collections.Concurrent;
using Microsoft.Playwright;
using Switchboard.Tests.Azurite;
using Switchboard.Tests.EndToEnd;

namespace Switchboard.Tests.Host;

/// <summary>The API reference as a browser shows it, served over real HTTP by the host process, with no network beyond the host.</summary>
public sealed class ApiReferenceBrowserTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly (string Tag, string[] Paths)[] Listed =
    [
        ("Triggers", ["/api/triggers", "/api/triggers/{id}", "/api/triggers/{id}/enable", "/api/triggers/batch-delete"]),
        ("Deliveries", ["/api/deliveries", "/api/deliveries/{id}", "/api/deliveries/{id}/replay"]),
        ("Events", ["/api/events/{source}"]),
    ];

    [Fact]
    public async Task The_reference_lists_the_operations_and_loads_nothing_from_outside_the_host()
    {
        var chromium = InstalledChromium.Path();
        await using var host = await HostProcess.StartAsync(new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Admin__Keys__0"] = "docs-admin",
            ["Ingest__Keys__0"] = "docs-ingest",
        });
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = chromium, Headless = true });
        var page = await browser.NewPageAsync();
        var requested = new ConcurrentQueue<string>();
        page.Request += (_, request) => requested.Enqueue(request.Url);

        await page.GotoAsync(new Uri(host.Address, "api/docs/").AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        foreach (var (tag, paths) in Listed)
        {
            // Scalar opens one group at a time; opening one renders its operations.
            await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = $"Open Group - {tag}", Exact = true }).ClickAsync(new LocatorClickOptions { Timeout = 10_000 });
            foreach (var path in paths)
            {
                await Assertions.Expect(page.GetByText(path, new PageGetByTextOptions { Exact = true }).First).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 5_000 });
            }
        }

        Assert.NotEmpty(requested);
        Assert.All(requested, url => Assert.True(
            url.StartsWith("data:", StringComparison.Ordinal) || url.StartsWith("blob:", StringComparison.Ordinal) || new Uri(url).Host == "127.0.0.1",
            $"the page loaded {url}, which is not on the host"));
    }
}
