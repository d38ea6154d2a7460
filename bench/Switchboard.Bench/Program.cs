using BenchmarkDotNet.Running;

namespace Switchboard.Bench;

/// <summary>
/// <c>dotnet run -c Release --project bench/Switchboard.Bench -- --filter '*'</c> runs every benchmark;
/// see README, "Performance", for each one's own command.
/// </summary>
public static class BenchProgram
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(BenchProgram).Assembly).Run(args);
}
