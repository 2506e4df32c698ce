using Kith.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

namespace Kith.Infrastructure.Crypto;

public static class CryptoSetup
{
    public static IServiceCollection AddKithDataProtection(this IServiceCollection services)
    {
        services.AddSingleton<MasterKey>();
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>, ConfigureMasterKeyEncryption>();
        services.AddDataProtection()
            .SetApplicationName("Kith")
            .PersistKeysToDbContext<AppDbContext>();
        return services;
    }
}
