using System.Text;
using Ledgerline.FreshBooks.Webhooks;

namespace Ledgerline.FreshBooks.Tests.Webhooks;

public sealed class FormFieldsTests
{
    [Fact]
    public void TryParse_PythonUrlencodedBody_KeepsOrderAndDecodesEverySeparator()
    {
        // python3 -c 'import urllib.parse; print(urllib.parse.urlencode({"name":"payment.delete","object_id":"7","account_id":"ABC123","memo":"a+b/c:d,e\"f\\g=h&i j"}))'
        var body = "name=payment.delete&object_id=7&account_id=ABC123&memo=a%2Bb%2Fc%3Ad%2Ce%22f%5Cg%3Dh%26i+j"u8;

        Assert.True(FormFields.TryParse(body, out var fields, out var error), error);

        Assert.Equal(["name", "object_id", "account_id", "memo"], fields.Select(f => f.Key));
        Assert.Equal("a+b/c:d,e\"f\\g=h&i j", fields[3].Value);
    }

    [Fact]
    public void TryParse_Utf8PercentEscapes_DecodesAstralCharacters()
    {
        // python3 -c 'import urllib.parse; print(urllib.parse.urlencode({"note":"Caf\u00e9 \u65e5\u672c \U0001F600"}))'
        Assert.True(FormFields.TryParse("note=Caf%C3%A9+%E6%97%A5%E6%9C%AC+%F0%9F%98%80"u8, out var fields, out _));
        Assert.Equal("Café 日本 😀", Assert.Single(fields).Value);
    }

    [Theory]
    [InlineData("name=a%2")]
    [InlineData("name=a%zz")]
    [InlineData("name=%C3")]
    [InlineData("name=%FF%FE")]
    [InlineData("=value")]
    [InlineData("name=a&name=b")]
    public void TryParse_MalformedBody_FailsWithReason(string body)
    {
        Assert.False(FormFields.TryParse(Encoding.ASCII.GetBytes(body), out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void TryParse_EmptySegmentsAndFieldWithoutEquals_AreTolerated()
    {
        Assert.True(FormFields.TryParse("&a=1&&b&"u8, out var fields, out _));
        Assert.Equal([new("a", "1"), new("b", "")], fields);
    }
}

public sealed class FreshBooksEventNamesTests
{
    [Theory]
    [InlineData("client.create", EntityKind.Contact, ChangeKind.Created)]
    [InlineData("client.update", EntityKind.Contact, ChangeKind.Updated)]
    [InlineData("invoice.delete", EntityKind.Invoice, ChangeKind.Deleted)]
    [InlineData("invoice.sendByEmail", EntityKind.Invoice, ChangeKind.Updated)]
    [InlineData("payment.create", EntityKind.Payment, ChangeKind.Created)]
    [InlineData("expense.update", EntityKind.Expense, ChangeKind.Updated)]
    [InlineData("time_entry.delete", EntityKind.TimeEntry, ChangeKind.Deleted)]
    [InlineData("item.create", EntityKind.Item, ChangeKind.Created)]
    [InlineData("item.update", EntityKind.Item, ChangeKind.Updated)]
    [InlineData("tax.delete", EntityKind.TaxRate, ChangeKind.Deleted)]
    [InlineData("tax.update", EntityKind.TaxRate, ChangeKind.Updated)]
    [InlineData("project.create", EntityKind.Project, ChangeKind.Created)]
    [InlineData("project.delete", EntityKind.Project, ChangeKind.Deleted)]
    [InlineData("estimate.create", EntityKind.Estimate, ChangeKind.Created)]
    [InlineData("estimate.sendByEmail", EntityKind.Estimate, ChangeKind.Updated)]
    [InlineData("credit_note.update", EntityKind.CreditNote, ChangeKind.Updated)]
    [InlineData("bill_vendor.create", EntityKind.Vendor, ChangeKind.Created)]
    [InlineData("bill.delete", EntityKind.Bill, ChangeKind.Deleted)]
    [InlineData("estimate.update", EntityKind.Estimate, ChangeKind.Updated)]
    public void TryParse_ModelledEvent_MapsToCanonicalChange(string name, EntityKind entity, ChangeKind change)
    {
        Assert.True(FreshBooksEventNames.TryParse(name, out var parsedEntity, out var parsedChange));
        Assert.Equal((entity, change), (parsedEntity, parsedChange));
    }

    [Theory]
    [InlineData("bill_payment.create")]
    [InlineData("taxes.create")]
    [InlineData("service.create")]
    [InlineData("callback.verify")]
    [InlineData("invoice")]
    [InlineData("invoice.")]
    [InlineData(".create")]
    [InlineData("Invoice.create")]
    [InlineData("invoice.archive")]
    [InlineData("")]
    public void TryParse_UnmodelledEvent_IsRefused(string name) =>
        Assert.False(FreshBooksEventNames.TryParse(name, out _, out _));

    [Theory]
    [InlineData(EntityKind.Contact, null, "client")]
    [InlineData(EntityKind.Contact, ChangeKind.Created, "client.create")]
    [InlineData(EntityKind.Invoice, ChangeKind.Updated, "invoice.update")]
    [InlineData(EntityKind.Payment, ChangeKind.Deleted, "payment.delete")]
    [InlineData(EntityKind.Expense, null, "expense")]
    [InlineData(EntityKind.TimeEntry, ChangeKind.Created, "time_entry.create")]
    [InlineData(EntityKind.Item, null, "item")]
    [InlineData(EntityKind.TaxRate, ChangeKind.Updated, "tax.update")]
    [InlineData(EntityKind.Project, ChangeKind.Deleted, "project.delete")]
    [InlineData(EntityKind.Estimate, null, "estimate")]
    public void TryGetEventName_Topic_IsFreshBooksName(EntityKind entity, ChangeKind? change, string expected)
    {
        var topic = new LedgerChangeTopic(entity, change);
        Assert.True(FreshBooksEventNames.TryGetEventName(topic, out var name));
        Assert.Equal(expected, name);
        Assert.True(FreshBooksEventNames.TryParseTopic(expected, out var back));
        Assert.Equal(topic, back);
    }

    [Theory]
    [InlineData("invoice", "invoice.create", true)]
    [InlineData("invoice", "invoice.sendByEmail", true)]
    [InlineData("invoice.create", "invoice.create", true)]
    [InlineData("invoice.create", "invoice.update", false)]
    [InlineData("invoice", "invoices.create", false)]
    [InlineData("time_entry", "time_entry.update", true)]
    public void Covers_ParentAndChild_MatchAsFreshBooksDoes(string subscribed, string eventName, bool expected) =>
        Assert.Equal(expected, FreshBooksEventNames.Covers(subscribed, eventName));
}
