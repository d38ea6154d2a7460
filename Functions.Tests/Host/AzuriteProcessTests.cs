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
}
