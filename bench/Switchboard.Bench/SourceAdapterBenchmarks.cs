using System.Text;
using BenchmarkDotNet.Attributes;
using Switchboard.Events;

namespace Switchboard.Bench;

/// <summary>
/// Parse + normalise of one request body per adapter: one operation is one event, so the Op/s column is
/// events per second and Allocated is bytes allocated per event (the payload copy kept as
/// <see cref="CanonicalEvent.Data"/> included).
/// <c>dotnet run -c Release --project bench/Switchboard.Bench -- --filter '*SourceAdapterBenchmarks*'</c>
/// </summary>
[MemoryDiagnoser]
[OperationsPerSecond]
public class SourceAdapterBenchmarks
{
    // Each platform's documented example (the CDR one in English, Videsk's through the README template;
    // docs/platforms.md).
    private static readonly byte[] Ucontact = Encoding.UTF8.GetBytes(
        """{"event":"FinishInteraction","date":"2023-05-13 06:48:51","guid":"9f1c2d4e-5b6a-4c3d-8e7f-0a1b2c3d4e5f","campaign":"Ventas<-","agent":"agentTest","duration":321,"clientId":"59899123456","channel":"webchat"}""");

    private static readonly byte[] Cdr = Encoding.UTF8.GetBytes(
        """{"triggerId":"00000000-0000-0000-0000-000000000000","id":"00000000-0000-0000-0000-000000000000","tenantId":"00000000-0000-0000-0000-000000000000","cdr":{"id":"00000000-0000-0000-0000-000000000000","dType":"CloudSessionCdr","sVer":1,"pbxId":"00000000-0000-0000-0000-000000000000","pbxName":"BenDV1 - Dev - Ben","tz":"Europe/London","start":"2024-05-29T09:37:35+01:00","end":"2024-05-29T09:37:45+01:00","dur":10,"ring":10,"lost":1,"cause":"NORMAL_CLEARING","dir":2,"type":2,"cliNum":"+44700000000","cliLoc":"United Kingdom","cliCtry":"GB","ddiNum":"+441610000000","fRngDevNum":"user_******","fRngDevName":"(T42S)Test User","lRngDevNum":"user_******","lRngDevName":"(T42S)Test User","fRngUsrNum":"302","fRngUsrName":"Test User","lRngUsrNum":"302","lRngUsrName":"Test User","fRngAgtNum":"302","fRngAgtName":"Test User","lRngAgtNum":"302","lRngAgtName":"Test User","hasRec":1,"recordingIds":["00000000-0000-0000-0000-000000000000"],"directoryMatches":[{"dirName":"My Global","dirId":"00000000-0000-0000-0000-000000000000","dirType":"DirectoryContactMatch","contactId":"00000000-0000-0000-0000-000000000000","fields":{"fullName":"Example Contact","companyName":"Company","jobTitle":"Job Title","email":"Email Address","field1":"field1","field10":"301"}}],"tags":{"Support":"stage1"}},"customData":{"hook":"after-call"}}""");

    private static readonly byte[] Videsk = Encoding.UTF8.GetBytes(
        """{"event":"queue.abandoned","occurredAt":"2024-05-29T09:37:45Z","session":{"id":"6651f0c2a1b3","channel":"call"},"agent":{"id":"","email":"","name":""},"queue":{"id":"q-7","name":"Ventas"},"values":{"customerName":"Ana","waitSeconds":"184"}}""");

    private static readonly byte[] Webitel = Encoding.UTF8.GetBytes(
        """{"event":"leaving","channel":"call","attempt_id":5123,"destination":"+380441234567","use_processing":true,"agent_channel_id":"c1d2e3f4-0000-4000-8000-000000000001","member_channel_id":"a6b1f8c2-3d4e-4f50-9a1b-2c3d4e5f6a7b","agent_name":"Olena","agent_id":77,"user_id":1077,"agent_extension":"1077","member_name":"Ivan","member_id":901,"cc_attempt_seq":1,"cc_result":"success","call_bill_sec":95,"call_duration":130,"call_cause":"NORMAL_CLEARING","call_sip_code":200,"amd_result":"HUMAN","call_voice_sec":90}""");

    private static readonly byte[] Ccai = Encoding.UTF8.GetBytes(
        """{"type":"End_Call","data":{"agent_id":1,"agent_custom_id":"007","agent_email":"Kim@example.com","queue_id":8469,"queue_path":"Developers / Kim","campaign_id":1432,"campaign_name":"Survey Movie","call_id":103646,"session_type":"Voice Campaign (UJET)"}}""");

    private readonly SourceAdapters adapters = new(new SourceOptions { UcontactTimeZone = "America/Montevideo" });

    private readonly SourceContext context = SourceContext.Create("default", new DateTimeOffset(2024, 6, 1, 12, 0, 0, TimeSpan.Zero));

    private ISourceAdapter ucontact = null!;
    private ISourceAdapter cdr = null!;
    private ISourceAdapter videsk = null!;
    private ISourceAdapter webitel = null!;
    private ISourceAdapter ccai = null!;

    [GlobalSetup]
    public void Setup()
    {
        ucontact = adapters.Find("ucontact")!;
        cdr = adapters.Find("cdr")!;
        videsk = adapters.Find("videsk")!;
        webitel = adapters.Find("webitel")!;
        ccai = adapters.Find("ccai")!;
    }

    [Benchmark]
    public CanonicalEvent UcontactFinishInteraction() => ucontact.Parse(Ucontact, "application/json", context);

    [Benchmark]
    public CanonicalEvent CdrCloudSessionCdr() => cdr.Parse(Cdr, "application/json", context);

    [Benchmark]
    public CanonicalEvent VideskQueueAbandoned() => videsk.Parse(Videsk, "application/json", context);

    [Benchmark]
    public CanonicalEvent WebitelLeaving() => webitel.Parse(Webitel, "application/json", context);

    [Benchmark]
    public CanonicalEvent CcaiEndCall() => ccai.Parse(Ccai, "application/json", context);
}
