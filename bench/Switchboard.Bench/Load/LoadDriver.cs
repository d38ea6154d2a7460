using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Switchboard.Bench.Storage;
using Switchboard.Host.Development;
using Switchboard.Storage;

namespace Switchboard.Bench.Load;

/// <summary>
/// End to end under load: a fresh Azurite, the portable host as its own process (Release build), a loopback
/// receiver and one trigger; N uContact events posted 32 at a time. Prints ingest events/s, deliveries/s,
/// latency from 202 to receipt, the host's peak RSS, and next to them the limits measured in the same run:
/// raw Azurite queue puts and gets (bare signed HTTP) and a bare Kestrel echo.
/// </summary>
public static class LoadDriver
{
    private const int Concurrency = 32;

    private static readonly string[] AllEvents = ["*"];

    public static async Task RunAsync(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
        var (blobPort, queuePort, tablePort) = AzuriteProcess.FreePorts();
        await using var azurite = await AzuriteProcess.StartAsync(AzuriteProcess.FindEntryPoint() ?? throw new InvalidOperationException("Run 'npm ci' first."), blobPort, queuePort, tablePort);
        var accepted = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        var received = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        await using var receiver = await StartReceiverAsync(async context =>
        {
            var document = await JsonDocument.ParseAsync(context.Request.Body);
            received.TryAdd(document.RootElement.GetProperty("id").GetString()!, clock.ElapsedTicks);
            context.Response.StatusCode = 200;
        });

        using var host = StartHost(azurite.ConnectionString);
        using var http = new HttpClient { BaseAddress = host.Address };
        await WaitForHealthAsync(http);
        using (var create = new HttpRequestMessage(HttpMethod.Post, "api/triggers")
        {
            Content = JsonContent.Create(new { name = "load", events = AllEvents, action = new { url = receiver.Urls.Single() + "/load" } }),
        })
        {
            create.Headers.Add("x-switchboard-admin-key", "load-admin");
            (await http.SendAsync(create)).EnsureSuccessStatusCode();
        }

        Console.WriteLine($"{count} uContact events, {Concurrency} at a time, {Environment.ProcessorCount} cores, host pid {host.Process.Id}");
        var ingestStart = clock.ElapsedTicks;
        await ForEachAsync(count, async i =>
        {
            using var content = new StringContent($$"""{"event":"AgentLog","date":"2024-01-01 00:00:00","agent":"a{{i}}","isLogin":true}""", Encoding.UTF8, "application/json");
            using var request = new HttpRequestMessage(HttpMethod.Post, "api/events/ucontact") { Content = content };
            request.Headers.Add("x-switchboard-key", "load-ingest");
            using var response = await http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == HttpStatusCode.Accepted)
            {
                accepted[JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!] = clock.ElapsedTicks;
            }
        });
        var ingestSeconds = Stopwatch.GetElapsedTime(ingestStart, clock.ElapsedTicks).TotalSeconds;

        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(10);
        while (received.Count < accepted.Count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        var deliverySeconds = Stopwatch.GetElapsedTime(ingestStart, received.Values.DefaultIfEmpty(ingestStart).Max()).TotalSeconds;
        var peakRss = PeakRssMiB(host.Process.Id);
        host.Process.Kill(entireProcessTree: true);

        // A delivery can land before its 202 is read back here; that counts as no latency, not a negative one.
        var sorted = accepted
            .Where(a => received.ContainsKey(a.Key))
            .Select(a => Math.Max(0, Stopwatch.GetElapsedTime(a.Value, received[a.Key]).TotalMilliseconds))
            .Order()
            .ToArray();
        var queuePut = await RawQueuePutsPerSecondAsync(azurite, count);
        var queueGet = await RawQueueGetsPerSecondAsync(azurite, count);
        var echo = await EchoPerSecondAsync(count);

        Console.WriteLine($"accepted {accepted.Count}/{count}, delivered {sorted.Length}");
        Row("ingest events/s (202)", count / ingestSeconds, "bare Kestrel echo req/s", echo);
        Row("ingest events/s (202)", count / ingestSeconds, "raw Azurite queue puts/s", queuePut);
        Row("deliveries/s end to end", sorted.Length / deliverySeconds, "raw Azurite queue gets/s", queueGet);
        Console.WriteLine($"latency 202 → receipt     p50 {Percentile(sorted, 0.50):F0} ms   p99 {Percentile(sorted, 0.99):F0} ms");
        Console.WriteLine($"host peak RSS             {peakRss:F0} MiB");
    }

    private static void Row(string what, double value, string limit, double limitValue) =>
        Console.WriteLine($"{what,-26}{value,8:F0}   {limit,-26}{limitValue,8:F0}   ratio {value / limitValue:F2}");

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];

    private static async Task ForEachAsync(int count, Func<int, Task> operation) =>
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (i, _) => await operation(i));

    private static async Task<WebApplication> StartReceiverAsync(RequestDelegate handle)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Run(handle);
        await app.StartAsync();
        return app;
    }

    private static async Task<double> EchoPerSecondAsync(int count)
    {
        await using var echo = await StartReceiverAsync(async context =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            context.Response.StatusCode = 202;
            await context.Response.Body.WriteAsync(body.ToArray());
        });
        using var http = new HttpClient { BaseAddress = new Uri(echo.Urls.Single()) };
        var clock = Stopwatch.StartNew();
        await ForEachAsync(count, async i =>
        {
            using var content = new StringContent($$"""{"event":"AgentLog","agent":"a{{i}}"}""", Encoding.UTF8, "application/json");
            using var response = await http.PostAsync(new Uri("/echo", UriKind.Relative), content);
        });
        return count / clock.Elapsed.TotalSeconds;
    }

    private static async Task<double> RawQueuePutsPerSecondAsync(AzuriteProcess azurite, int count)
    {
        using var bare = new BareStorage(azurite);
        await StorageConnection.FromConnectionString(azurite.ConnectionString).CreateQueueServiceClient().GetQueueClient("raw-limit").CreateIfNotExistsAsync();
        var clock = Stopwatch.StartNew();
        await ForEachAsync(count, i => bare.SendMessageAsync("raw-limit", Convert.ToBase64String(Encoding.UTF8.GetBytes($"m{i}"))));
        return count / clock.Elapsed.TotalSeconds;
    }

    private static async Task<double> RawQueueGetsPerSecondAsync(AzuriteProcess azurite, int count)
    {
        using var bare = new BareStorage(azurite);
        var received = 0;
        var clock = Stopwatch.StartNew();
        await ForEachAsync(Math.Max(1, count / 32), async _ =>
        {
            var messages = await bare.ReceiveMessagesAsync("raw-limit", 32, 300);
            Interlocked.Add(ref received, messages.Count);
        });
        return received / clock.Elapsed.TotalSeconds;
    }

    private static double PeakRssMiB(int pid)
    {
        // VmHWM is the process's peak resident set (Linux); elsewhere the current working set stands in.
        var status = $"/proc/{pid}/status";
        if (File.Exists(status))
        {
            var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            if (line is not null)
            {
                return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
            }
        }

        return Process.GetProcessById(pid).WorkingSet64 / 1024.0 / 1024.0;
    }

    private static async Task WaitForHealthAsync(HttpClient http)
    {
        for (var i = 0; i < 600; i++)
        {
            try
            {
                using var response = await http.GetAsync(new Uri("api/health", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException("The host did not become healthy.");
    }

    private static LaunchedHost StartHost(string connectionString)
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "Switchboard.slnx")))
        {
            root = root.Parent ?? throw new InvalidOperationException("Run from the repository.");
        }

        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var output = Path.Combine(root.FullName, "src", "Switchboard.Host", "bin", configuration, "net10.0");
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = output, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(output, "Switchboard.Host.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["AzureWebJobsStorage"] = connectionString;
        start.Environment["Admin__Keys__0"] = "load-admin";
        start.Environment["Ingest__Keys__0"] = "load-ingest";
        start.Environment["Delivery__AllowPrivateNetworks"] = "true";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new LaunchedHost(process, new Uri($"http://127.0.0.1:{port}/"));
    }

    private sealed class LaunchedHost(Process process, Uri address) : IDisposable
    {
        public Process Process { get; } = process;

        public Uri Address { get; } = address;

        public void Dispose()
        {
            if (!Process.HasExited)
            {
                Process.Kill(entireProcessTree: true);
            }

            Process.Dispose();
        }
    }
}
