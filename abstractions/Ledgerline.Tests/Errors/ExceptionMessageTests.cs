namespace Ledgerline.Tests.Errors;

/// <summary>Messages quote what the caller sent, bounded; the properties keep it whole.</summary>
public sealed class ExceptionMessageTests
{
    [Fact]
    public void Validation_ErrorWithoutAField_ReadsWithoutAnEmptyFieldName()
    {
        var error = new LedgerValidationException([new FieldError("", "Quote not of valid status for modification"), new FieldError("Number", "Too long.")]);

        Assert.Equal("The input is invalid: Quote not of valid status for modification; Number: Too long.", error.Message);
    }

    [Fact]
    public void RecordNotFound_TenThousandCharacterId_MessageBoundedAndIdKeptWhole()
    {
        var id = new string('7', 10_000);

        var error = new RecordNotFoundException(EntityKind.Contact, id);

        Assert.Equal(id, error.Id);
        Assert.True(error.Message.Length < 200, $"message of {error.Message.Length} characters");
        Assert.Contains("…", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RecordDeleted_LongId_MessageBounded()
    {
        var error = new RecordDeletedException(EntityKind.Invoice, new string('x', 5_000));

        Assert.True(error.Message.Length < 250, $"message of {error.Message.Length} characters");
    }

    [Fact]
    public void RecordNotFound_ShortId_QuotedWhole()
    {
        Assert.Equal("Contact '42' was not found.", new RecordNotFoundException(EntityKind.Contact, "42").Message);
    }
}
