targetScope = 'subscription'

// ---------------------------------------------------------------------------
// WhatsApp campaigns on Azure Functions (Flex Consumption, .NET 10 isolated).
// `azd up` provisions this file; every resource lives in rg-<environmentName>.
// ---------------------------------------------------------------------------

@minLength(1)
@maxLength(64)
@description('Name of the azd environment; used for the resource group and the unique resource token.')
param environmentName string

@minLength(1)
@description('Primary location for all resources (must offer Flex Consumption).')
@allowed([
  'australiaeast'
  'brazilsouth'
  'canadacentral'
  'centralindia'
  'centralus'
  'eastasia'
  'eastus'
  'eastus2'
  'francecentral'
  'germanywestcentral'
  'italynorth'
  'japaneast'
  'koreacentral'
  'northcentralus'
  'northeurope'
  'norwayeast'
  'southafricanorth'
  'southcentralus'
  'southeastasia'
  'spaincentral'
  'swedencentral'
  'uksouth'
  'westcentralus'
  'westeurope'
  'westus2'
  'westus3'
])
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Object id of the deploying user; gets storage data roles for local debugging. Empty to skip.')
param principalId string = ''

@description('Principal type of principalId.')
@allowed([
  'User'
  'ServicePrincipal'
])
param principalType string = 'User'

// --- Function app sizing (Flex Consumption) --------------------------------

@minValue(40)
@maxValue(1000)
@description('Upper bound on Flex Consumption instances; also caps the spend of a runaway backlog.')
param maximumInstanceCount int = 40

@allowed([
  512
  2048
  4096
])
@description('Memory per Flex Consumption instance, in MB.')
param instanceMemoryMB int = 2048

@minLength(3)
@maxLength(45)
@description('Durable Functions task hub name (letters and digits, starting with a letter).')
param durableTaskHubName string = 'WaCampaigns'

@minValue(1)
@maxValue(3650)
@description('Days to keep large webhook bodies in the webhook-payloads container.')
param webhookPayloadRetentionDays int = 30

// --- WhatsApp Cloud API (non-secret) ----------------------------------------

@description('Base URL of the Graph API.')
param whatsAppGraphBaseUrl string = 'https://graph.facebook.com/'

@minLength(2)
@description('Graph API version, for example v24.0.')
param whatsAppApiVersion string = 'v24.0'

@minLength(1)
@description('WhatsApp Business Account (WABA) id.')
param whatsAppBusinessAccountId string

@minLength(1)
@description('Business portfolio id (owner of the messaging limit).')
param whatsAppBusinessPortfolioId string

@minLength(1)
@description('Comma-separated phone number ids the app sends from, for example 1234567890,2345678901.')
param whatsAppPhoneNumberIds string

// --- WhatsApp Cloud API secrets: stored only in Key Vault -------------------

@secure()
@minLength(1)
@description('System-user access token for the Cloud API. Stored in Key Vault only.')
param whatsAppAccessToken string

@secure()
@minLength(1)
@description('Meta app secret used to check X-Hub-Signature-256 on webhooks. Stored in Key Vault only.')
param whatsAppAppSecret string

@secure()
@minLength(1)
@description('Verify token echoed during Meta webhook registration. Stored in Key Vault only.')
param whatsAppWebhookVerifyToken string

@secure()
@minLength(32)
@description('Key of the HMAC that hashes erased numbers into the suppression list. Set once and never change it: a new key would forget every suppression.')
param consentSuppressionHashKey string

// --- Optional name overrides -----------------------------------------------

param resourceGroupName string = ''
param functionAppName string = ''
param appServicePlanName string = ''
param storageAccountName string = ''
param keyVaultName string = ''
param userAssignedIdentityName string = ''
param applicationInsightsName string = ''
param logAnalyticsName string = ''

var abbrs = loadJsonContent('./abbreviations.json')
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }

var identityName = !empty(userAssignedIdentityName) ? userAssignedIdentityName : '${abbrs.managedIdentityUserAssignedIdentities}wa-${resourceToken}'
var storageName = !empty(storageAccountName) ? storageAccountName : '${abbrs.storageStorageAccounts}${resourceToken}'
var vaultName = !empty(keyVaultName) ? keyVaultName : '${abbrs.keyVaultVaults}${resourceToken}'
var appInsightsName = !empty(applicationInsightsName) ? applicationInsightsName : '${abbrs.insightsComponents}${resourceToken}'
var appName = !empty(functionAppName) ? functionAppName : '${abbrs.webSitesFunctions}wa-${resourceToken}'
var deploymentContainerName = 'app-package-${take(appName, 32)}-${take(toLower(uniqueString(appName, resourceToken)), 7)}'

var queueNames = [
  'wa-sends'
  'wa-sends-poison'
  'wa-webhooks'
  'wa-webhooks-poison'
  'wa-webhooks-consent'
  'wa-webhooks-consent-poison'
  'wa-control'
]
var tableNames = [
  'Contacts'
  'ConsentHistory'
  'TagIndex'
  'Suppressions'
  'Templates'
  'Campaigns'
  'CampaignRecipients'
  'Outbox'
  'Messages'
  'QuotaCounters'
  'Throughput'
  'DeadLetters'
  'SendRecipients'
  'Journeys'
  'JourneyDue'
  'JourneyEvents'
  'JourneyStats'
  'ConsentNotices'
  'ServiceWindows'
  'AccountSignals'
  'RecipientDeliveries'
  'WebhookDedup'
]
var webhookPayloadsContainerName = 'webhook-payloads'

var phoneNumberIds = filter(map(split(whatsAppPhoneNumberIds, ','), id => trim(id)), id => !empty(id))

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: !empty(resourceGroupName) ? resourceGroupName : '${abbrs.resourcesResourceGroups}${environmentName}'
  location: location
  tags: tags
}

module identity './core/identity/user-assigned-identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: identityName
    location: location
    tags: tags
  }
}

module storage './core/storage/storage-account.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: storageName
    location: location
    tags: tags
    containerNames: [
      deploymentContainerName
      webhookPayloadsContainerName
    ]
    queueNames: queueNames
    tableNames: tableNames
    expiringContainerName: webhookPayloadsContainerName
    expiringContainerRetentionDays: webhookPayloadRetentionDays
  }
}

module monitoring './core/monitor/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: !empty(logAnalyticsName) ? logAnalyticsName : '${abbrs.operationalInsightsWorkspaces}${resourceToken}'
    applicationInsightsName: appInsightsName
    location: location
    tags: tags
  }
}

module keyVault './core/security/key-vault.bicep' = {
  name: 'keyvault'
  scope: rg
  params: {
    name: vaultName
    location: location
    tags: tags
    whatsAppAccessToken: whatsAppAccessToken
    whatsAppAppSecret: whatsAppAppSecret
    whatsAppWebhookVerifyToken: whatsAppWebhookVerifyToken
    consentSuppressionHashKey: consentSuppressionHashKey
  }
}

// Names are passed (not module outputs) so What-If can predict the role assignments exactly.
module rbac './app/rbac.bicep' = {
  name: 'rbac'
  scope: rg
  dependsOn: [
    identity
    storage
    monitoring
    keyVault
  ]
  params: {
    storageAccountName: storageName
    applicationInsightsName: appInsightsName
    keyVaultName: vaultName
    appIdentityName: identityName
    userPrincipalId: principalId
    userPrincipalType: principalType
  }
}

module plan './core/host/flex-consumption-plan.bicep' = {
  name: 'plan'
  scope: rg
  params: {
    name: !empty(appServicePlanName) ? appServicePlanName : '${abbrs.webServerFarms}${resourceToken}'
    location: location
    tags: tags
  }
}

module functions './app/functions.bicep' = {
  name: 'functions'
  scope: rg
  // The host must be able to read its package and storage before the first start.
  dependsOn: [
    rbac
  ]
  params: {
    name: appName
    location: location
    tags: union(tags, { 'azd-service-name': 'functions' })
    planId: plan.outputs.id
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageBlobEndpoint: storage.outputs.blobEndpoint
    storageQueueEndpoint: storage.outputs.queueEndpoint
    storageTableEndpoint: storage.outputs.tableEndpoint
    deploymentContainerName: deploymentContainerName
    applicationInsightsConnectionString: monitoring.outputs.applicationInsightsConnectionString
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    durableTaskHubName: durableTaskHubName
    whatsAppGraphBaseUrl: whatsAppGraphBaseUrl
    whatsAppApiVersion: whatsAppApiVersion
    whatsAppBusinessAccountId: whatsAppBusinessAccountId
    whatsAppBusinessPortfolioId: whatsAppBusinessPortfolioId
    whatsAppPhoneNumberIds: phoneNumberIds
    accessTokenSecretUri: keyVault.outputs.accessTokenSecretUri
    appSecretSecretUri: keyVault.outputs.appSecretSecretUri
    webhookVerifyTokenSecretUri: keyVault.outputs.webhookVerifyTokenSecretUri
    suppressionHashKeySecretUri: keyVault.outputs.suppressionHashKeySecretUri
  }
}

// --- Outputs read by azd (stored in .azure/<env>/.env); none is a secret ----
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = functions.outputs.name
output SERVICE_FUNCTIONS_NAME string = functions.outputs.name
output SERVICE_FUNCTIONS_URI string = functions.outputs.uri
output WEBHOOK_URL string = '${functions.outputs.uri}/api/webhooks/whatsapp'
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_STORAGE_BLOB_ENDPOINT string = storage.outputs.blobEndpoint
output AZURE_STORAGE_QUEUE_ENDPOINT string = storage.outputs.queueEndpoint
output AZURE_STORAGE_TABLE_ENDPOINT string = storage.outputs.tableEndpoint
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_KEY_VAULT_ENDPOINT string = keyVault.outputs.endpoint
output AZURE_USER_ASSIGNED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output DURABLE_TASK_HUB_NAME string = durableTaskHubName
output APPLICATIONINSIGHTS_CONNECTION_STRING string = monitoring.outputs.applicationInsightsConnectionString
