using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.Loader;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;

namespace Switchboard.Host.Development;

/// <summary>
/// Azurite (blob, queue and table) running as a child process from the repository's node_modules. Neither the host nor
/// the tests leave an emulator behind: disposing it kills the process tree, so does this process exiting or unloading,
/// and the child watches its stdin pipe and exits when it closes, which happens however this process ends (even killed).
/// </summary>
public sealed partial class AzuriteProcess : IAsyncDisposable
{
    /// <summary>The account Azurite serves.</summary>
    public const string AccountName = "devstoreaccount1";

    /// <summary>Its key, public and the same in every Azurite.</summary>
    public const string AccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Runs Azurite's entry point (argv[1], as <c>node azurite.js</c> would) in a node that exits once its stdin ends.</summary>
    private const string ExitWithParent =
        "process.stdin.on('end', () => process.exit(0)).on('error', () => process.exit(0)).resume(); require(process.argv[1]);";

    private readonly Process process;
    private readonly StringBuilder output = new();

    private AzuriteProcess(Process process, int blobPort, int queuePort, int tablePort)
    {
        this.process = process;
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;
        AppDomain.CurrentDomain.ProcessExit += StopOnExit;
        AssemblyLoadContext.GetLoadContext(typeof(AzuriteProcess).Assembly)!.Unloading += StopOnUnload;
    }

    /// <summary>The blob service port.</summary>
    public int BlobPort { get; }

    /// <summary>The queue service port.</summary>
    public int QueuePort { get; }

    /// <summary>The table service port.</summary>
    public int TablePort { get; }

    /// <summary>The operating system process id, for logs.</summary>
    public int ProcessId => process.Id;

    /// <summary>A connection string with explicit endpoints for this emulator.</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/{AccountName};" +
        $"QueueEndpoint=http://127.0.0.1:{QueuePort}/{AccountName};" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/{AccountName};";

    /// <summary>
    /// Finds <c>node_modules/azurite</c> in <paramref name="startDirectory"/> or a parent of it, and
    /// failing that in a parent of the application's base directory. Null when it is not installed.
    /// </summary>
    public static string? FindEntryPoint(string? startDirectory = null)
    {
        foreach (var start in new[] { startDirectory, Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var directory = start is null ? null : new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "node_modules", "azurite", "dist", "src", "azurite.js");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>Three loopback ports that were free a moment ago.</summary>
    public static (int Blob, int Queue, int Table) FreePorts()
    {
        var listeners = Enumerable.Range(0, 3).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToArray();
        try
        {
            foreach (var listener in listeners)
            {
                listener.Start();
            }

            var ports = listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
            return (ports[0], ports[1], ports[2]);
        }
        finally
        {
            foreach (var listener in listeners)
            {
                listener.Stop();
            }
        }
    }

    /// <summary>True when something accepts TCP connections on the loopback port.</summary>
    public static async Task<bool> IsListeningAsync(int port, CancellationToken cancellationToken = default)
    {
        using var client = new TcpClient();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(1));
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port, timeout.Token).ConfigureAwait(false);
            return true;
        }
        catch (Exception exception) when (exception is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>
    /// Starts Azurite on the given ports and waits until all three services accept connections.
    /// With <paramref name="location"/> null the data lives in memory only; otherwise in that folder.
    /// Throws <see cref="InvalidOperationException"/> with Azurite's output when it does not come up.
    /// </summary>
    public static async Task<AzuriteProcess> StartAsync(
        string entryPoint, int blobPort, int queuePort, int tablePort, string? location = null, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        logger ??= NullLogger.Instance;
        var start = StartInfo(entryPoint, blobPort, queuePort, tablePort, location);
        if (location is not null)
        {
            Directory.CreateDirectory(location);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node for Azurite.");
        var azurite = new AzuriteProcess(process, blobPort, queuePort, tablePort);
        process.OutputDataReceived += (_, e) => azurite.Record(e.Data, logger);
        process.ErrorDataReceived += (_, e) => azurite.Record(e.Data, logger);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await azurite.WaitUntilListeningAsync(cancellationToken).ConfigureAwait(false);
            return azurite;
        }
        catch
        {
            await azurite.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Kills the emulator and waits for it to exit.</summary>
    public async ValueTask DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= StopOnExit;
        AssemblyLoadContext.GetLoadContext(typeof(AzuriteProcess).Assembly)!.Unloading -= StopOnUnload;
        try
        {
            if (Stop())
            {
                await process.WaitForExitAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            process.Dispose();
        }
    }

    /// <summary>
    /// How <see cref="StartAsync"/> runs Azurite: node with a stdin pipe it watches (<see cref="ExitWithParent"/>), then
    /// Azurite's entry point and arguments. The caller holds the pipe; closing it, or dying, stops the emulator.
    /// </summary>
    internal static ProcessStartInfo StartInfo(string entryPoint, int blobPort, int queuePort, int tablePort, string? location)
    {
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = location ?? Path.GetTempPath(),
        };
        start.ArgumentList.Add("-e");
        start.ArgumentList.Add(ExitWithParent);
        foreach (var argument in Arguments(entryPoint, blobPort, queuePort, tablePort, location))
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    /// <summary>Kills the process tree now, synchronously (exit handlers cannot wait); true when it was still running.</summary>
    private bool Stop()
    {
        try
        {
            if (process.HasExited)
            {
                return false;
            }

            process.Kill(entireProcessTree: true);
            return true;
        }
        catch (InvalidOperationException)
        {
            // Already gone: nothing left to stop.
            return false;
        }
    }

    private void StopOnExit(object? sender, EventArgs e) => Stop();

    private void StopOnUnload(AssemblyLoadContext context) => Stop();

    private static List<string> Arguments(string entryPoint, int blobPort, int queuePort, int tablePort, string? location)
    {
        List<string> arguments =
        [
            entryPoint,
            "--blobHost", "127.0.0.1", "--blobPort", $"{blobPort}",
            "--queueHost", "127.0.0.1", "--queuePort", $"{queuePort}",
            "--tableHost", "127.0.0.1", "--tablePort", $"{tablePort}",
            // The storage SDKs may ask for a service version newer than this Azurite release knows; it serves them anyway.
            "--skipApiVersionCheck", "--disableTelemetry", "--silent",
        ];
        arguments.AddRange(location is null ? ["--inMemoryPersistence"] : ["--location", location]);
        return arguments;
    }

    private void Record(string? line, ILogger logger)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }

        LogOutput(logger, line);
    }

    private async Task WaitUntilListeningAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + StartupTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                break;
            }

            var listening = await Task.WhenAll(new[] { BlobPort, QueuePort, TablePort }.Select(p => IsListeningAsync(p, cancellationToken))).ConfigureAwait(false);
            if (listening.All(l => l))
            {
                return;
            }

            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }

        string text;
        lock (output)
        {
            text = output.ToString();
        }

        throw new InvalidOperationException($"Azurite did not start on ports {BlobPort}, {QueuePort}, {TablePort}:{Environment.NewLine}{text}");
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "azurite: {Line}")]
    private static partial void LogOutput(ILogger logger, string line);
}
