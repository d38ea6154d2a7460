using Switchboard.Host.Development;

namespace Switchboard.Tests.Host;

public sealed class AzuriteProcessTests
{
    [Fact]
    public async Task Started_emulator_answers_on_all_three_ports_and_is_gone_after_dispose()
    {
        var entryPoint = AzuriteProcess.FindEntryPoint();
        Assert.NotNull(entryPoint);
        var (blob, queue, table) = AzuriteProcess.FreePorts();

        var azurite = await AzuriteProcess.StartAsync(entryPoint, blob, queue, table);
        var processId = azurite.ProcessId;
        Assert.True(await AzuriteProcess.IsListeningAsync(blob));
        Assert.True(await AzuriteProcess.IsListeningAsync(queue));
        Assert.True(await AzuriteProcess.IsListeningAsync(table));

        await azurite.DisposeAsync();

        Assert.False(await AzuriteProcess.IsListeningAsync(table));
        Assert.Throws<ArgumentException>(() => System.Diagnostics.Process.GetProcessById(processId));
    }

    [Fact]
    public async Task The_emulator_exits_by_itself_when_the_process_that_started_it_goes_away()
    {
        var (blob, queue, table) = AzuriteProcess.FreePorts();
        using var node = System.Diagnostics.Process.Start(AzuriteProcess.StartInfo(AzuriteProcess.FindEntryPoint()!, blob, queue, table, location: null))!;
        try
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
            while (!await AzuriteProcess.IsListeningAsync(table) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }

            Assert.True(await AzuriteProcess.IsListeningAsync(table));

            // What the kernel does to the pipe when its parent dies, killed or not.
            node.StandardInput.Close();
            using var exited = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await node.WaitForExitAsync(exited.Token);

            Assert.False(await AzuriteProcess.IsListeningAsync(table));
        }
        finally
        {
            if (!node.HasExited)
            {
                node.Kill(entireProcessTree: true);
            }
        }
    }
}
