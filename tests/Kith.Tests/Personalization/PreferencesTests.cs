using System.Net;
using Kith.Features.Account;
using Kith.Features.Contacts;
using Kith.Tests.Infrastructure;

namespace Kith.Tests.Personalization;

public sealed class PreferencesTests(KithFactory factory) : IClassFixture<KithFactory>
{
    private const string Page = "/account/manage/preferences";

    [Fact]
    public async Task A_user_chooses_the_name_order_and_the_map_provider()
    {
        using var admin = await Admin.CreateAsync(factory);
        Assert.Contains("Doe, Jane", await admin.Client.GetHtmlAsync(Page), StringComparison.Ordinal);

        using var response = await admin.PostAsync(Page, new() { ["Input.NameOrder"] = ContactNames.LastFirst, ["Input.MapProvider"] = "Google" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var user = (await factory.UserAsync(admin.User.Email))!;
        Assert.Equal((ContactNames.LastFirst, MapProvider.Google), (user.NameOrder, user.MapProvider));
        var contact = await factory.AddContactAsync(admin.VaultId, "Jane", "Doe");
        Assert.Contains("Doe, Jane", await admin.Client.GetHtmlAsync($"/vaults/{admin.VaultId}/contacts/{contact}"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("%last_name% %password%", "Google")]
    [InlineData("", "Google")]
    [InlineData(ContactNames.LastFirst, "Bing")]
    public async Task An_unknown_template_or_provider_is_refused(string nameOrder, string provider)
    {
        using var admin = await Admin.CreateAsync(factory);
        using var response = await admin.PostAsync(Page, new() { ["Input.NameOrder"] = nameOrder, ["Input.MapProvider"] = provider });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var user = (await factory.UserAsync(admin.User.Email))!;
        Assert.Equal((ContactNames.FirstLast, MapProvider.OpenStreetMap), (user.NameOrder, user.MapProvider));
    }
}
