// The WhatsApp campaigns function app on Flex Consumption (.NET 10 isolated worker).
// All access goes through the user-assigned identity: host storage, the app's tables/queues/blobs,
// the deployment package, Application Insights and the Key Vault references.
param name string
param location string = resourceGroup().location
param tags object = {}

param planId string
param identityId string
param identityClientId string

param storageBlobEndpoint string
param storageQueueEndpoint string
param storageTableEndpoint string
param deploymentContainerName string

param applicationInsightsConnectionString string

@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

param durableTaskHubName string

param whatsAppGraphBaseUrl string
param whatsAppApiVersion string
param whatsAppBusinessAccountId string
param whatsAppBusinessPortfolioId string
param whatsAppPhoneNumberIds string[]

@description('Versionless Key Vault secret URIs (not the secrets themselves).')
param accessTokenSecretUri string
param appSecretSecretUri string
param webhookVerifyTokenSecretUri string
param suppressionHashKeySecretUri string

@description('When the reminder timer runs (NCRONTAB with seconds); the local runner reads the same setting.')
param cartReminderSchedule string = '0 * * * * *'

var baseAppSettings = {
  // Functions host storage, identity-based (no connection string, no account key).
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
  AzureWebJobsStorage__blobServiceUri: storageBlobEndpoint
  AzureWebJobsStorage__queueServiceUri: storageQueueEndpoint
  AzureWebJobsStorage__tableServiceUri: storageTableEndpoint

  // Telemetry authenticated with the identity (Application Insights has local auth disabled).
  APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'

  // Durable Functions task hub (host.json: "hubName": "%DurableTaskHubName%").
  DurableTaskHubName: durableTaskHubName

  // Core storage (tables, queues, large webhook bodies), identity-based.
  Storage__TableServiceUri: storageTableEndpoint
  Storage__QueueServiceUri: storageQueueEndpoint
  Storage__BlobServiceUri: storageBlobEndpoint
  Storage__ManagedIdentityClientId: identityClientId

  // WhatsApp Cloud API.
  WhatsApp__GraphBaseUrl: whatsAppGraphBaseUrl
  WhatsApp__ApiVersion: whatsAppApiVersion
  WhatsApp__BusinessAccountId: whatsAppBusinessAccountId
  WhatsApp__BusinessPortfolioId: whatsAppBusinessPortfolioId
  WhatsApp__AccessToken: '@Microsoft.KeyVault(SecretUri=${accessTokenSecretUri})'
  WhatsApp__AppSecret: '@Microsoft.KeyVault(SecretUri=${appSecretSecretUri})'
  WhatsApp__WebhookVerifyToken: '@Microsoft.KeyVault(SecretUri=${webhookVerifyTokenSecretUri})'
  Consent__SuppressionHashKey: '@Microsoft.KeyVault(SecretUri=${suppressionHashKeySecretUri})'

  // Timer schedules (functions read them as %CartReminders:Schedule%).
  CartReminders__Schedule: cartReminderSchedule
}

// WhatsApp__PhoneNumberIds__0, WhatsApp__PhoneNumberIds__1, ... (a list in the options pattern).
var phoneNumberSettings = toObject(
  range(0, length(whatsAppPhoneNumberIds)),
  i => 'WhatsApp__PhoneNumberIds__${i}',
  i => whatsAppPhoneNumberIds[i]
)

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: planId
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storageBlobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }

  resource appSettings 'config' = {
    name: 'appsettings'
    properties: union(baseAppSettings, phoneNumberSettings)
  }

  // azd deploys with an Entra ID token: no publishing user names or passwords.
  resource ftpCredentials 'basicPublishingCredentialsPolicies' = {
    name: 'ftp'
    properties: {
      allow: false
    }
  }

  resource scmCredentials 'basicPublishingCredentialsPolicies' = {
    name: 'scm'
    properties: {
      allow: false
    }
  }
}

output id string = app.id
output name string = app.name
output uri string = 'https://${app.properties.defaultHostName}'
