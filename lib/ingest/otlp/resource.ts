import { type AttributeValue, scalarText } from './attribute-value';
import { jsonString } from './json-text';
import { hasNul, NUL_REASON, OTLP_LIMITS } from './limits';

/** A resource's identity fields, shared by every span or point under it. */
export interface ResourceIdentity {
  service: string; // service.name, 'unknown_service' when absent
  release: string; // service.version
  environment: string; // deployment.environment.name ?? deployment.environment
  json: string; // resource attributes as a JSON object
  reason: string; // why every item under this resource is rejected; '' when fine
}

export const EMPTY_RESOURCE: ResourceIdentity = {
  service: 'unknown_service',
  release: '',
  environment: '',
  json: '{}',
  reason: '',
};

/** Collects resource attributes (in wire order) into a ResourceIdentity. */
export class ResourceDraft {
  private members = '';
  private service: string | null = null;
  private release: string | null = null;
  private envName: string | null = null;
  private envLegacy: string | null = null;
  private reason = '';

  add(key: string, value: AttributeValue): void {
    if (key.length > OTLP_LIMITS.attributeKeyChars) this.reject('attribute key too long');
    this.members += `${this.members.length > 0 ? ',' : ''}${jsonString(key)}:${value.json}`;
    switch (key) {
      case 'service.name':
        this.service = scalarText(value.scalar);
        break;
      case 'service.version':
        this.release = scalarText(value.scalar);
        break;
      case 'deployment.environment.name':
        this.envName = scalarText(value.scalar);
        break;
      case 'deployment.environment':
        this.envLegacy = scalarText(value.scalar);
        break;
    }
  }

  finish(): ResourceIdentity {
    const service = this.service || 'unknown_service';
    const release = this.release ?? '';
    const environment = this.envName ?? this.envLegacy ?? '';
    const json = `{${this.members}}`;
    const cap = OTLP_LIMITS.identityChars;
    if (service.length > cap || release.length > cap || environment.length > cap) {
      this.reject('service identity too long');
    }
    if (json.length > OTLP_LIMITS.attributesJsonChars) this.reject('resource too large');
    if (hasNul(service) || hasNul(release) || hasNul(environment)) this.reject(NUL_REASON);
    return { service, release, environment, json, reason: this.reason };
  }

  private reject(reason: string): void {
    if (this.reason === '') this.reason = reason;
  }
}
