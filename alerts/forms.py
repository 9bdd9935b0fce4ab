from django import forms

from alerts.models import Subscription


class SubscribeForm(forms.Form):
    email = forms.EmailField(
        label="Your email address",
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    frequency = forms.ChoiceField(
        label="How often",
        choices=Subscription.Frequency.choices,
        initial=Subscription.Frequency.IMMEDIATE,
        required=False,
        widget=forms.RadioSelect,
    )

    def clean_frequency(self):
        return self.cleaned_data.get("frequency") or Subscription.Frequency.IMMEDIATE


class FrequencyForm(forms.Form):
    frequency = forms.ChoiceField(choices=Subscription.Frequency.choices)
