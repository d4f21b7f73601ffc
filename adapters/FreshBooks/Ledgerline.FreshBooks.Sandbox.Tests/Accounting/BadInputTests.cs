using Ledgerline.FreshBooks.Sandbox.Tests.Support;

namespace Ledgerline.FreshBooks.Sandbox.Tests.Accounting;

public sealed class BadInputTests(SandboxFixture f) : IClassFixture<SandboxFixture>
{
    public static TheoryData<string, string> Bodies => new()
    {
        { "users/clients", "" },
        { "users/clients", "[]" },
        { "users/clients", "null" },
        { "users/clients", "{\"client\": 7}" },
        { "users/clients", "{\"client\": {\"email\": {\"nested\": true}}}" },
        { "users/clients", new string('[', 200) + new string(']', 200) },
        { "invoices/invoices", "{\"invoice\": {\"customerid\": 72001, \"due_offset_days\": 2147483647}}" },
        { "invoices/invoices", "{\"invoice\": {\"customerid\": 72001, \"lines\": [{\"qty\": 1e300, \"unit_cost\": {\"amount\": \"1\"}}]}}" },
        { "invoices/invoices", "{\"invoice\": {\"customerid\": 72001, \"lines\": [{\"qty\": \"79228162514264337593543950335\", \"unit_cost\": {\"amount\": \"79228162514264337593543950335\"}}]}}" },
        { "invoices/invoices", "{\"invoice\": {\"customerid\": 72001, \"lines\": {\"0\": {}}}}" },
        { "invoices/invoices", "{\"invoice\": {\"customerid\": \"abc\", \"create_date\": \"2025-02-30\"}}" },
        { "invoices/invoices", "{\"invoice\": {\"customerid\": 99999999999999}}" },
        { "payments/payments", "{\"payment\": {\"invoiceid\": 150001, \"amount\": \"12\"}}" },
        { "payments/payments", "{\"payment\": {\"invoiceid\": 150001, \"amount\": {\"amount\": \"-5\"}}}" },
        { "expenses/expenses", "{\"expense\": {\"amount\": {\"amount\": \"1\", \"code\": \"dollars\"}, \"categoryid\": 1}}" },
        { "items/items", "{\"item\": {\"name\": \"x\", \"inventory\": \"lots\"}}" },
        { "invoices/invoices", "{\"invoice\": {\"customerid\": 72001, \"create_date\": \"9999-12-31\", \"due_offset_days\": 5}}" },
        { "estimates/estimates", "{\"estimate\": {\"customerid\": 72001, \"lines\": [null, 3]}}" },
        { "estimates/estimates", "{\"estimate\": {\"customerid\": 72001, \"status\": \"sent\", \"accepted\": true, \"action_accept\": true}}" },
        { "estimates/estimates", "{\"estimates\": {\"customerid\": 72001}}" },
        { "credit_notes/credit_notes", "{\"credit_note\": {\"clientid\": 72001, \"lines\": \"none\"}}" },
        { "credit_notes/credit_notes", "{\"credit_note\": {\"clientid\": [72001]}}" },
        { "bill_vendors/bill_vendors", "{\"bill_vendor\": {\"vendor_name\": \"x\", \"tax_defaults\": [1, {\"taxid\": \"a\"}, {\"taxid\": 7701, \"enabled\": \"maybe\"}]}}" },
        { "bill_vendors/bill_vendors", "{\"bill_vendor\": {\"vendor_name\": \"x\", \"tax_defaults\": {}}}" },
        { "bills/bills", "{\"bill\": {\"vendorid\": 1, \"issue_date\": \"9999-12-31\", \"due_offset_days\": 30, \"lines\": [{\"categoryid\": 3840001}]}}" },
        { "bills/bills", "{\"bill\": {\"vendorid\": \"x\", \"lines\": [null, {\"quantity\": 1e300, \"unit_cost\": 5, \"bogus\": 1}]}}" },
        { "bill_payments/bill_payments", "{\"bill_payment\": {\"billid\": 1, \"amount\": \"12\"}}" },
        { "bill_payments/bill_payments", "{\"bill_payment\": {\"billid\": null, \"amount\": {\"amount\": \"1e40\"}}}" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task Post_BadInput_4xxAndNothingWritten(string path, string body)
    {
        var kind = path.Split('/')[1];
        var before = f.Sandbox.Data.Count(f.AccountId, kind);
        var r = await f.PostAsync(f.Accounting(path), body);
        Assert.InRange(r.Status, 400, 499);
        Assert.NotNull(r.Json!["response"]!["errors"]);
        Assert.Equal(before, f.Sandbox.Data.Count(f.AccountId, kind));
    }

    [Fact]
    public async Task ProjectLikeEndpoints_BadInput_4xx()
    {
        var te = $"timetracking/business/{f.BusinessId}/time_entries";
        foreach (var body in new[] { "", "[1]", "{\"time_entry\": []}", "{\"time_entry\": {\"started_at\": 5, \"duration\": -1}}" })
        {
            Assert.InRange((await f.PostAsync(te, body)).Status, 400, 499);
        }

        var paged = await f.GetAsync($"projects/business/{f.BusinessId}/projects?page=2147483647&per_page=100");
        Assert.Equal(200, paged.Status);
        Assert.Empty(paged.Body["projects"]!.AsArray());
    }
}
