// Key Vault in RBAC mode holding the WhatsApp Cloud API secrets.
// The values arrive as secure parameters and leave only as versionless secret URIs,
// which the app resolves through Key Vault references with its user-assigned identity.
param name string
param location string = resourceGroup().location
param tags object = {}

@secure()
param whatsAppAccessToken string

@secure()
param whatsAppAppSecret string

@secure()
param whatsAppWebhookVerifyToken string

@secure()
param consentSuppressionHashKey string

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: 'Allow'
    }
  }
}

resource accessToken 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'whatsapp-access-token'
  properties: {
    value: whatsAppAccessToken
    contentType: 'text/plain'
  }
}

resource appSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'whatsapp-app-secret'
  properties: {
    value: whatsAppAppSecret
    contentType: 'text/plain'
  }
}

resource webhookVerifyToken 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'whatsapp-webhook-verify-token'
  properties: {
    value: whatsAppWebhookVerifyToken
    contentType: 'text/plain'
  }
}

resource suppressionHashKey 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'consent-suppression-hash-key'
  properties: {
    value: consentSuppressionHashKey
    contentType: 'text/plain'
  }
}

output id string = vault.id
output name string = vault.name
output endpoint string = vault.properties.vaultUri
// Versionless URIs: a new secret version is picked up without redeploying the app.
output accessTokenSecretUri string = accessToken.properties.secretUri
output appSecretSecretUri string = appSecret.properties.secretUri
output webhookVerifyTokenSecretUri string = webhookVerifyToken.properties.secretUri
output suppressionHashKeySecretUri string = suppressionHashKey.properties.secretUri
