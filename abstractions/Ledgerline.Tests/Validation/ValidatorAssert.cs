using FluentValidation;
using FluentValidation.Results;

namespace Ledgerline.Tests.Validation;

internal static class ValidatorAssert
{
    public static void Valid<T>(IValidator<T> validator, T input)
    {
        var result = validator.Validate(input);
        Assert.True(result.IsValid, string.Join("; ", result.Errors.Select(e => $"{e.PropertyName}: {e.ErrorMessage}")));
    }

    /// <summary>Asserts the input fails on exactly one field and returns that failure.</summary>
    public static ValidationFailure FailsOn<T>(IValidator<T> validator, T input, string field)
    {
        var errors = validator.Validate(input).Errors;
        Assert.Equal([field], errors.Select(e => e.PropertyName));
        Assert.False(string.IsNullOrWhiteSpace(errors[0].ErrorMessage));
        return errors[0];
    }
}
