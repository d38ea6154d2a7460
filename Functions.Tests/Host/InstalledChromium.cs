namespace Switchboard.Tests.Host;

/// <summary>
/// The system's Chromium (Debian's <c>chromium</c> package), which the browser tests drive instead of a browser
/// Playwright would download: the build machines reach package registries only.
/// </summary>
internal static class InstalledChromium
{
    private static readonly string[] Names = ["chromium", "chromium-browser"];

    /// <summary>The executable's path; fails the test, saying how to install it, when there is none on PATH.</summary>
    public static string Path()
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(directory => Names.Select(name => System.IO.Path.Combine(directory, name)))
            .FirstOrDefault(File.Exists);
        if (found is null)
        {
            Assert.Fail("Chromium is not installed, so the API reference cannot be opened in a browser: run `apt-get install -y chromium` (.ci/run does).");
        }

        return found;
    }
}
