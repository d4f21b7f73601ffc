using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ledgerline.Validation;

/// <summary>Registers the canonical validators that every provider's input passes through.</summary>
internal static class LedgerlineValidators
{
    public static void Register(IServiceCollection services)
    {
        // The validators for every canonical input are added here (one class per input type in this folder).
        _ = services;
    }
}
