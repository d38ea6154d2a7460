using System.Text;
using Microsoft.Extensions.Time.Testing;
using Switchboard.Crm.Calls;
using Switchboard.Crm.Lookup;
using Switchboard.Crm.Sync;
using Switchboard.Events;
using Switchboard.Sessions;
using Switchboard.Tests.Events;

namespace Switchboard.Tests.Crm.Lookup;

public sealed class CrmLookupUrlTests
{
    private const string All12 =
        "https://crm.example.com/lookup/{CHANNEL}?phone={CUSTOMER_PHONE_NUMBER}&ani={ANI}&cuid={CUID}&email={EMAIL}&menu={MENU_PATH}&menuId={MENU_ID}" +
        "&type={TYPE}&support={SUPPORT_PHONE_NUMBER}&outbound={OUTBOUND_NUMBER}&session={SESSION_ID}&agent={CUSTOM_AGENT_ID}&source=switchboard";

    private static CrmSessionFacts Facts(string channel, string id, string data)
    {
        var session = new SessionKey("default", channel, id);
        var type = channel == "chat" ? "New_Chat" : "New_Call";
        var context = SourceContext.Create("default", new DateTimeOffset(2024, 6, 1, 12, 0, 0, TimeSpan.Zero));
        var canonical = SourceRequests.Adapter("ccai").Parse(Encoding.UTF8.GetBytes($$"""{"type":"{{type}}","data":{{data}}}"""), "application/json", context);
        return CrmSessionFacts.From(session, [canonical], new SessionMetadataBuilder(new FakeTimeProvider()).Build(session, [canonical]));
    }

    [Fact]
    public void Every_lookup_variable_is_filled_in_and_encoded()
    {
        var facts = Facts("call", "103646", """
            {"call_id":103646,"session_type":"Voice Inbound","end_user_phone":"+1 222 333 4444","end_user_email":"kim+1@example.com",
             "queue_id":8469,"queue_path":"Ordini/Conferma ordine","menu_id":"m-7","support_phone_number":"8005550100","outbound_number":"2225550000",
             "agent_id":1,"agent_custom_id":"007","cuid":"kim-1"}
            """);

        var url = CrmLookupUrl.Render(All12, facts.ToLookupValues(CrmPhoneFormat.E164));

        Assert.Equal(
            "https://crm.example.com/lookup/voice_call?phone=%2B12223334444&ani=%2B12223334444&cuid=kim-1&email=kim%2B1%40example.com&menu=Ordini%2FConferma%20ordine" +
            "&menuId=m-7&type=Voice%20Inbound&support=%2B18005550100&outbound=%2B12225550000&session=103646&agent=007&source=switchboard",
            url);
    }

    [Fact]
    public void Only_non_empty_query_parameters_are_kept()
    {
        var facts = Facts("call", "103646", """{"call_id":103646,"end_user_phone":"2223334444"}""");

        var url = CrmLookupUrl.Render("https://crm.example.com/search?ani={ANI}&email={EMAIL}&q=email:{EMAIL}&empty=&session={SESSION_ID}#results", facts.ToLookupValues(CrmPhoneFormat.UsLocal));

        Assert.Equal("https://crm.example.com/search?ani=2223334444&session=103646#results", url);
        Assert.Equal("https://crm.example.com/search", CrmLookupUrl.Render("https://crm.example.com/search?email={EMAIL}", facts.ToLookupValues(CrmPhoneFormat.UsLocal)));
    }

    [Fact]
    public void Automatic_phone_numbers_take_their_search_form() =>
        Assert.Equal(
            "https://crm.example.com/s?ani=%2A222%2A333%2A4444",
            CrmLookupUrl.Render("https://crm.example.com/s?ani={ANI}", Facts("call", "1", """{"call_id":1,"end_user_phone":"+12223334444"}""").ToLookupValues(CrmPhoneFormat.Automatic)));

    [Fact]
    public void Numbers_without_a_country_code_are_read_in_the_default_region()
    {
        var facts = Facts("call", "1", """{"call_id":1,"end_user_phone":"020 7946 0958"}""");

        Assert.Equal("https://crm.example.com/s?ani=%2B442079460958", CrmLookupUrl.Render("https://crm.example.com/s?ani={ANI}", facts.ToLookupValues(CrmPhoneFormat.E164, "GB")));
        Assert.Equal("+442079460958", facts.ToValues(CrmPhoneFormat.E164, search: false, "GB")["PHONE_NUMBER"]);
    }

    [Fact]
    public void Line_breaks_in_session_data_or_the_template_are_percent_encoded()
    {
        var facts = Facts("call", "103646", """{"call_id":103646,"end_user_email":"kim@example.com\r\nX-Evil: 1"}""");

        var url = CrmLookupUrl.Render("https://crm.example.com/s?email={EMAIL}&note=a\r\nb#x\ny", facts.ToLookupValues(CrmPhoneFormat.E164));

        Assert.Equal("https://crm.example.com/s?email=kim%40example.com%0D%0AX-Evil%3A%201&note=a%0D%0Ab#x%0Ay", url);
    }

    [Theory]
    [InlineData("call", "Voice Inbound", "phone")]
    [InlineData("call", "Voice Inbound (IVR using Mobile)", "phone")]
    [InlineData("call", "IVR_Call_(app)", "phone")]
    [InlineData("call", "Incoming_Call_(app)", "sdk")]
    [InlineData("call", "Voice Scheduled (web)", "sdk")]
    [InlineData("chat", "Messaging Inbound (SMS)", "phone")]
    [InlineData("chat", "Messaging (WhatsApp)", "phone")]
    [InlineData("chat", "Messaging Inbound (Web Chat)", "sdk")]
    [InlineData("chat", "Mobile", "sdk")]
    public void Ivr_pstn_and_sms_sessions_take_the_phone_template_and_web_and_mobile_sdk_sessions_the_sdk_one(string channel, string sessionType, string kind)
    {
        var facts = Facts(channel, "9", $$"""{"{{(channel == "chat" ? "chat_id" : "call_id")}}":9,"session_type":"{{sessionType}}"}""");

        Assert.Equal(kind, CrmLookupUrl.KindOf(facts));
    }

    [Fact]
    public void A_session_carrying_sdk_fields_is_an_sdk_session() =>
        Assert.Equal(CrmLookupUrl.Sdk, CrmLookupUrl.KindOf(Facts("chat", "9", """{"chat_id":9,"sdk_identifier":"acct-1"}""")));
}
