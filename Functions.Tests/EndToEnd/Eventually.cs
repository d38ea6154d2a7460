namespace Switchboard.Tests.EndToEnd;

/// <summary>Waits for something the pipeline does in the background, failing with a message after a bound.</summary>
internal static class Eventually
{
    public static async Task TrueAsync(Func<Task<bool>> condition, TimeSpan within, string what)
    {
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"Within {within}: {what}");
    }

    public static Task TrueAsync(Func<bool> condition, TimeSpan within, string what) => TrueAsync(() => Task.FromResult(condition()), within, what);
}
