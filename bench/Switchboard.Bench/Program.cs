using BenchmarkDotNet.Running;
using Switchboard.Bench.Storage;

namespace Switchboard.Bench;

/// <summary>
/// <c>dotnet run -c Release --project bench/Switchboard.Bench -- --filter '*'</c> runs the micro benchmarks;
/// <c>-- storage</c> runs the storage throughput driver against an Azurite it starts.
/// See README, "Performance".
/// </summary>
public static class BenchProgram
{
    public static async Task Main(string[] args)
    {
        if (args is ["storage", ..])
        {
            await StorageThroughput.RunAsync(args[1..]);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(BenchProgram).Assembly).Run(args);
    }
}
