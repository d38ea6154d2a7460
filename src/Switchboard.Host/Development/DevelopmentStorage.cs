using Switchboard.Storage;

namespace Switchboard.Host.Development;

/// <summary>
/// When <c>AzureWebJobsStorage</c> is <c>UseDevelopmentStorage=true</c> and nothing listens on
/// 10000–10002, starts Azurite from node_modules before the host serves requests, keeping its data in
/// <c>.azurite/</c> beside node_modules, and stops it when the host stops.
/// </summary>
internal sealed partial class DevelopmentStorage(IConfiguration configuration, ILogger<DevelopmentStorage> logger) : IHostedService, IAsyncDisposable
{
    private const int BlobPort = 10000;
    private const int QueuePort = 10001;
    private const int TablePort = 10002;

    private AzuriteProcess? azurite;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!StorageConnection.IsDevelopmentStorage(configuration[StorageConnection.DefaultSettingName]))
        {
            return;
        }

        var listening = await Task.WhenAll(new[] { BlobPort, QueuePort, TablePort }
            .Select(p => AzuriteProcess.IsListeningAsync(p, cancellationToken))).ConfigureAwait(false);
        if (listening.All(l => l))
        {
            LogAlreadyRunning(logger);
            return;
        }

        if (listening.Any(l => l))
        {
            LogPartlyTaken(logger, listening[0], listening[1], listening[2]);
            return;
        }

        var entryPoint = AzuriteProcess.FindEntryPoint();
        if (entryPoint is null)
        {
            LogNotInstalled(logger);
            return;
        }

        var root = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(entryPoint)!, "..", "..", "..", ".."));
        var location = Path.Combine(root, ".azurite");
        azurite = await AzuriteProcess.StartAsync(entryPoint, BlobPort, QueuePort, TablePort, location, logger, cancellationToken).ConfigureAwait(false);
        LogStarted(logger, azurite.ProcessId, BlobPort, QueuePort, TablePort, location);
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync().ConfigureAwait(false);

    public async ValueTask DisposeAsync()
    {
        if (azurite is { } running)
        {
            azurite = null;
            var processId = running.ProcessId;
            await running.DisposeAsync().ConfigureAwait(false);
            LogStopped(logger, processId);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Development storage: Azurite already answers on 127.0.0.1:10000-10002; using it")]
    private static partial void LogAlreadyRunning(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Development storage: only some Azurite ports answer (blob {Blob}, queue {Queue}, table {Table}); not starting another Azurite. Stop whatever holds 10000-10002 or start all three services")]
    private static partial void LogPartlyTaken(ILogger logger, bool blob, bool queue, bool table);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Development storage: node_modules/azurite not found; run 'npm ci' in the repository root, or start Azurite yourself")]
    private static partial void LogNotInstalled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Development storage: started Azurite (pid {ProcessId}) on 127.0.0.1 blob {BlobPort}, queue {QueuePort}, table {TablePort}; data in {Location}")]
    private static partial void LogStarted(ILogger logger, int processId, int blobPort, int queuePort, int tablePort, string location);

    [LoggerMessage(Level = LogLevel.Information, Message = "Development storage: stopped Azurite (pid {ProcessId})")]
    private static partial void LogStopped(ILogger logger, int processId);
}
