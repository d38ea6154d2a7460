using BenchmarkDotNet.Running;
using Switchboard.Bench.Delivery;
using Switchboard.Bench.Load;
using Switchboard.Bench.Storage;

namespace Switchboard.Bench;

/// <summary>
/// <c>dotnet run -c Release --project bench/Switchboard.Bench -- --filter '*'</c> runs the micro benchmarks;
/// <c>-- storage</c> runs the storage throughput driver against an Azurite it starts;
/// <c>-- load [N]</c> posts N events through the whole host, run as its own process;
/// <c>-- delivery</c> the webhook delivery driver against a loopback receiver (and an Azurite for the attempt log).
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

        if (args is ["load", ..])
        {
            await LoadDriver.RunAsync(args[1..]);
            return;
        }

        if (args is ["delivery", ..])
        {
            await DeliveryThroughput.RunAsync(args[1..]);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(BenchProgram).Assembly).Run(args);
    }
}
