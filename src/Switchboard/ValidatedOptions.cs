using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Switchboard;

/// <summary>Options a feature cannot run with wrong: bound to their section and checked by their validator when the host starts.</summary>
internal static class ValidatedOptions
{
    /// <summary>
    /// Binds <typeparamref name="TOptions"/> to section <paramref name="sectionName"/> and registers
    /// <typeparamref name="TValidator"/> (once, however often this is called), so invalid values stop the host at start-up.
    /// </summary>
    public static IServiceCollection AddValidatedOptions<TOptions, TValidator>(this IServiceCollection services, string sectionName)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.AddOptions<TOptions>().BindConfiguration(sectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
        return services;
    }
}
