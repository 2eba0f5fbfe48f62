import { Sku } from '@orderflow/events';
import { z } from 'zod';

// The API's contract. Strict objects: an unknown field is a mistake, not ignored.

export const SkuParameters = z.strictObject({ sku: Sku });

export const RestockRequest = z
  .strictObject({
    /** What can be sold from now on; reserved units are kept on top of it. */
    quantity: z.int().min(0).max(1_000_000),
    /** Only used when the sku is new; its sku otherwise. */
    name: z.string().trim().min(1).max(200).optional(),
  })
  .meta({ description: 'Sets the quantity available for sale; adds the product if the sku is new.' });
