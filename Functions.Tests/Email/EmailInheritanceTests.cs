using Switchboard.Email;

namespace Switchboard.Tests.Email;

/// <summary>The inheritance and override table of "CRM personalizzato", row by row, as a pure function.</summary>
public sealed class EmailInheritanceTests
{
    private static readonly EmailSetting GlobalOn = new() { Enabled = true, Address = "global@example.com" };
    private static readonly EmailSetting GlobalOff = new() { Enabled = false, Address = "global@example.com" };
    private static readonly EmailSetting QueueOn = new() { Enabled = true, Address = "queue@example.com" };
    private static readonly EmailSetting QueueOff = new() { Enabled = false, Address = "queue@example.com" };

    [Fact]
    public void Row_1_global_off_and_queue_off_sends_nothing_even_with_addresses_set()
    {
        var destination = EmailInheritance.Resolve(GlobalOff, QueueOff);

        Assert.Equal(new EmailDestination(null, EmailInheritanceCase.Disabled), destination);
        Assert.False(destination.Sends);
    }

    [Fact]
    public void Row_2_global_off_and_queue_on_the_queue_overrides_and_its_address_is_used()
    {
        Assert.Equal(new EmailDestination("queue@example.com", EmailInheritanceCase.QueueOverridesGlobal), EmailInheritance.Resolve(GlobalOff, QueueOn));
    }

    [Fact]
    public void Row_3_global_on_and_queue_off_the_queue_inherits_the_global_address()
    {
        Assert.Equal(new EmailDestination("global@example.com", EmailInheritanceCase.QueueInheritsGlobal), EmailInheritance.Resolve(GlobalOn, QueueOff));
    }

    [Fact]
    public void Row_4_global_on_and_queue_on_the_queue_address_replaces_the_global_one()
    {
        var destination = EmailInheritance.Resolve(GlobalOn, QueueOn);

        Assert.Equal(new EmailDestination("queue@example.com", EmailInheritanceCase.QueueAddressReplacesGlobal), destination);
        Assert.True(destination.Sends);
    }

    [Fact]
    public void A_queue_without_a_setting_of_its_own_counts_as_queue_off()
    {
        Assert.Equal(EmailInheritance.Resolve(GlobalOn, QueueOff), EmailInheritance.Resolve(GlobalOn, null));
        Assert.Equal(EmailInheritance.Resolve(GlobalOff, QueueOff), EmailInheritance.Resolve(GlobalOff, null));
        Assert.Equal(EmailInheritance.Resolve(GlobalOff, QueueOff), EmailInheritance.Resolve(EmailSetting.Off, null));
    }

    public static TheoryData<bool, bool, string, string, EmailInheritanceCase> EmptyAddresses() => new()
    {
        // Row 2 with an empty queue address: the global address is not a fall-back.
        { false, true, "global@example.com", "", EmailInheritanceCase.QueueOverridesGlobal },

        // Row 3 with an empty global address.
        { true, false, "", "queue@example.com", EmailInheritanceCase.QueueInheritsGlobal },

        // Row 4 with an empty (or blank) queue address: nothing, although the global one is set.
        { true, true, "global@example.com", "", EmailInheritanceCase.QueueAddressReplacesGlobal },
        { true, true, "global@example.com", "   ", EmailInheritanceCase.QueueAddressReplacesGlobal },
    };

    [Theory]
    [MemberData(nameof(EmptyAddresses))]
    public void When_the_address_the_row_picks_is_empty_nothing_is_sent(bool globalEnabled, bool queueEnabled, string globalAddress, string queueAddress, EmailInheritanceCase row)
    {
        var destination = EmailInheritance.Resolve(
            new EmailSetting { Enabled = globalEnabled, Address = globalAddress },
            new EmailSetting { Enabled = queueEnabled, Address = queueAddress });

        Assert.Equal(new EmailDestination(null, row), destination);
        Assert.False(destination.Sends);
    }
}
