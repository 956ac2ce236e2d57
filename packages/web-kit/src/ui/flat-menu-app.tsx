// A whole web app with a flat menu (decision 025), from what only the app knows: its texts are the kit's,
// the frame's (the product name and menu labels) and each feature's, merged — Japanese bundled, each part's
// English a chunk of its own; the kit's flat-menu router and the providers, mounted once the texts are in.
import { createI18n, i18nOfParts, type TMergedTexts, type TTexts } from '../i18n';
import { kitTexts } from '../locales/texts';
import { AppProviders } from './app-providers';
import { type AppRouterOptions, type AppScreens, createAppRouter } from './app-router';
import { mountApp } from './mount';

type TTextsOfFeature<F> = F extends { texts: infer T extends TTexts } ? T : never;

/**
 * The app's whole text tree, for its i18next registration (`CustomTypeOptions['resources']`): `J` the frame's
 * Japanese, `F` the app's feature list. Its features are read as `AppScreens<string, string>`: their labels'
 * type comes from this tree, so the app's own label type would make it circular.
 */
export type TFlatMenuTexts<J extends object, F extends readonly AppScreens<string, string>[]> = TMergedTexts<
  readonly (typeof kitTexts | TTexts<J> | TTextsOfFeature<F[number]>)[]
>;

export type FlatMenuAppOptions<TMe, J extends object> = AppRouterOptions<TMe> & {
  /** the frame's texts: its Japanese and its English (a dynamic import, checked to repeat every key) */
  texts: TTexts<J>;
  /** where the language choice is remembered */
  storageKey: string;
};

/** Builds the app's texts, router and providers and renders them into #root (mountApp). */
export function mountFlatMenuApp<TMe, J extends object>({ texts, storageKey, ...router }: FlatMenuAppOptions<TMe, J>) {
  const features = router.features ?? [];
  const parts = [kitTexts, texts, ...features.flatMap((f) => (f.texts ? [f.texts] : []))];
  const { ready } = createI18n(i18nOfParts(parts, storageKey));
  const app = createAppRouter(router);
  mountApp(ready, <AppProviders router={app.router} queryClient={app.queryClient} primaryColor={router.color} />);
}
